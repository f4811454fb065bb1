package org.openwaba.platform.web;

import org.openwaba.platform.ApiDoors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint on the Cloud API door that fails with an unexpected exception, so that tests
 * can see how a server error is answered there (a true edge: no production code fails on demand).
 */
@RestController
class FailingCloudEndpoint {

  static final String PATH = "/openwaba-test/failure";

  @GetMapping(ApiDoors.CLOUD + PATH)
  String fail() {
    throw new IllegalStateException("boom: internal detail that must not reach the client");
  }
}
