package dev.firebreak.activities.security;

import dev.firebreak.activities.directory.Team;
import dev.firebreak.activities.directory.TeamStore;
import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The application service of who may do what: users as logins find them (by email), their role,
 * the teams they manage, and their password with its failed attempts. The edge (sessions, OIDC,
 * access admin, the first admin) translates HTTP and calls this; it never reaches a store.
 */
@Service
public class Accounts {

  /** After this many failures in a row a password login is refused for a while. */
  public static final int FREE_ATTEMPTS = AccessStore.FREE_ATTEMPTS;

  private final UserStore users;
  private final TeamStore teams;
  private final AccessStore access;

  public Accounts(UserStore users, TeamStore teams, AccessStore access) {
    this.users = users;
    this.teams = teams;
    this.access = access;
  }

  /** A team, for the team roles of its members. */
  public Optional<Team> team(long teamId) {
    return teams.find(teamId);
  }

  public Optional<User> user(long userId) {
    return users.find(userId);
  }

  public Optional<User> userByEmail(String email) {
    return users.findByEmail(email);
  }

  /** A user created by a login (the first admin, an OIDC sign-in): no Slack id, in UTC. */
  public User createUser(String name, String email, Role role) {
    User created = users.create(name, email, null, "UTC");
    access.setRole(created.id(), role);
    return created;
  }

  public Optional<Role> role(long userId) {
    return access.role(userId);
  }

  public boolean setRole(long userId, Role role) {
    return access.setRole(userId, role);
  }

  public boolean anyAdmin() {
    return access.anyAdmin();
  }

  public Set<Long> managedTeams(long userId) {
    return access.managedTeams(userId);
  }

  public void setManager(long teamId, long userId, boolean manager) {
    access.setManager(teamId, userId, manager);
  }

  public Optional<Credential> credential(long userId) {
    return access.credential(userId);
  }

  public void setPassword(long userId, String passwordHash) {
    access.setPassword(userId, passwordHash);
  }

  /** Notes a failed login; returns until when logins are refused (null: not locked). */
  public Instant failed(long userId, Instant now) {
    return access.failed(userId, now);
  }

  public void succeeded(long userId) {
    access.succeeded(userId);
  }
}
