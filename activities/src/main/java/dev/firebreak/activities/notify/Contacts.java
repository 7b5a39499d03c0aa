package dev.firebreak.activities.notify;

import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.workflows.notify.messages.ContactType;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The application service of contact methods and notification rules, for the API: users' ways of
 * being reached, their verification, and when each is used in a page. Validation of values is
 * the domain's ({@link dev.firebreak.workflows.notify.ContactMethods}); this holds the lookups.
 */
@Service
public class Contacts {

  private final UserStore users;
  private final ContactMethodStore methods;
  private final NotificationRuleStore rules;
  private final VerificationCodes codes;

  public Contacts(UserStore users, ContactMethodStore methods, NotificationRuleStore rules,
      VerificationCodes codes) {
    this.users = users;
    this.methods = methods;
    this.rules = rules;
    this.codes = codes;
  }

  public boolean userExists(long userId) {
    return users.find(userId).isPresent();
  }

  public ContactMethod add(long userId, ContactType type, String value, String name) {
    return methods.create(userId, type, value, name);
  }

  public List<ContactMethod> methods(long userId) {
    return methods.forUser(userId);
  }

  public Optional<ContactMethod> method(long userId, long id) {
    return methods.find(userId, id);
  }

  /** Replaces a method; a changed value must be verified again. */
  public Optional<ContactMethod> replace(long userId, long id, ContactType type, String value,
      String name) {
    return methods.update(userId, id, type, value, name);
  }

  /** Deletes a method and, with it, its rules. */
  public boolean remove(long userId, long id) {
    return methods.delete(userId, id);
  }

  /** Sends a new code over the method; {@link VerificationCodes.CodeNotSent} when it could not. */
  public void sendCode(ContactMethod method) {
    codes.send(method);
  }

  public VerificationCodes.Result verify(ContactMethod method, String code) {
    return codes.verify(method, code);
  }

  /** {@link org.springframework.dao.DuplicateKeyException} when the same rule exists. */
  public NotificationRule addRule(long userId, long contactMethodId, int delayMinutes) {
    return rules.create(userId, contactMethodId, delayMinutes);
  }

  public List<NotificationRule> rules(long userId) {
    return rules.forUser(userId);
  }

  public Optional<NotificationRule> replaceRule(long userId, long id, long contactMethodId,
      int delayMinutes) {
    return rules.update(userId, id, contactMethodId, delayMinutes);
  }

  public boolean removeRule(long userId, long id) {
    return rules.delete(userId, id);
  }
}
