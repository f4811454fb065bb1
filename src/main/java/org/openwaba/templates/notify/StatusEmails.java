package org.openwaba.templates.notify;

import java.time.temporal.ChronoUnit;
import org.openwaba.platform.Ids;
import org.openwaba.templates.TemplateStatusChanged;
import org.openwaba.templates.store.NotificationStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Queues an email for every template status change of an account with a notification address, when
 * an SMTP server is configured. Runs synchronously inside the transaction that changed the status
 * (STYLE §3: a notice must not be lost), and does one thing: insert the outbox row.
 */
@Component
class StatusEmails {

  private final NotificationStore store;
  private final Ids ids;
  private final boolean mailConfigured;

  StatusEmails(NotificationStore store, Ids ids, ObjectProvider<JavaMailSender> mail) {
    this.store = store;
    this.ids = ids;
    this.mailConfigured = mail.getIfAvailable() != null;
  }

  @EventListener
  void on(TemplateStatusChanged change) {
    if (!mailConfigured) {
      return;
    }
    store
        .address(change.accountId())
        .ifPresent(
            address ->
                store.enqueue(
                    ids.numericId(),
                    change.accountId(),
                    change.templateId(),
                    address,
                    subject(change),
                    body(change),
                    change.at()));
  }

  static String subject(TemplateStatusChanged change) {
    return "Your WhatsApp template \""
        + change.name()
        + "\" ("
        + change.language()
        + ") is "
        + change.status();
  }

  static String body(TemplateStatusChanged change) {
    StringBuilder body = new StringBuilder();
    body.append("The status of one of your message templates changed.\n\n")
        .append("Template:    ")
        .append(change.name())
        .append('\n')
        .append("Language:    ")
        .append(change.language())
        .append('\n')
        .append("Template id: ")
        .append(change.templateId())
        .append('\n')
        .append("Account:     ")
        .append(change.accountId())
        .append('\n')
        .append("Status:      ")
        .append(change.previous())
        .append(" -> ")
        .append(change.status())
        .append('\n');
    if (change.reason() != null) {
      body.append("Reason:      ").append(change.reason()).append('\n');
    }
    body.append("Changed at:  ").append(change.at().truncatedTo(ChronoUnit.SECONDS)).append('\n');
    return body.toString();
  }
}
