package dev.firebreak.api.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link AccessInterceptor} in front of every controller. */
@Configuration
public class WebAccessConfig implements WebMvcConfigurer {

  private final AccessInterceptor access;

  public WebAccessConfig(AccessInterceptor access) {
    this.access = access;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(access);
  }
}
