package org.rightsregistry.client;

/**
 * An agreement as it bears on one usage for the requester: in force, granted to the requester, and
 * covering the usage through {@code category}.
 *
 * @param agreement the agreement
 * @param category the granted category that covers the usage
 */
record Licence(Agreement agreement, Usage category) {

  String licensorId() {
    return agreement.licensor().id();
  }
}
