package org.openwaba.templates;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-only recorder of the template status events the application publishes. */
@Component
class RecordedTemplateEvents {

  private final List<TemplateStatusChanged> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(TemplateStatusChanged event) {
    events.add(event);
  }

  List<TemplateStatusChanged> of(TemplateId id) {
    return events.stream().filter(event -> event.templateId().equals(id)).toList();
  }
}
