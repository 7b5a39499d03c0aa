package dev.firebreak.activities.security;

/** A new token and its secret, which exists nowhere else. */
public record IssuedToken(ApiToken token, String secret) {}
