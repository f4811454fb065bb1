package org.openwaba;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/** Starts OpenWABA: the HTTP API, the dispatch workers and the sandbox network. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@Modulithic(sharedModules = "platform")
public class OpenWabaApplication {

  public static void main(String[] args) {
    SpringApplication.run(OpenWabaApplication.class, args);
  }
}
