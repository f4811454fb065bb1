package org.openwaba.network.sandbox.web;

import org.openwaba.network.sandbox.SandboxDevice;

/** A device as the sandbox API shows it. */
record DeviceView(String number, boolean online, String behaviour, CountsView counts) {

  record CountsView(long received, long undelivered, long delivered, long read) {}

  static DeviceView of(SandboxDevice device) {
    SandboxDevice.Counts counts = device.counts();
    return new DeviceView(
        device.number(),
        device.online(),
        device.behaviour().apiName(),
        new CountsView(counts.received(), counts.undelivered(), counts.delivered(), counts.read()));
  }
}
