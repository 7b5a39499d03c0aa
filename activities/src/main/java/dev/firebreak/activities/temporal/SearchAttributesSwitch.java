package dev.firebreak.activities.temporal;

/** Whether workflows may set Firebreak's search attributes (the server knows them). */
public interface SearchAttributesSwitch {

  boolean enabled();
}
