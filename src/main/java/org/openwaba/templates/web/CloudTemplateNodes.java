package org.openwaba.templates.web;

import java.util.Optional;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.GraphNodeReader;
import org.openwaba.accounts.GraphNodeReader.Node;
import org.openwaba.templates.TemplateCatalogue;
import org.openwaba.templates.TemplateId;
import org.springframework.stereotype.Component;

/** Serves the caller's templates at the Cloud API's {@code GET /{version}/{template_id}}. */
@Component
class CloudTemplateNodes implements GraphNodeReader {

  private final TemplateCatalogue catalogue;

  CloudTemplateNodes(TemplateCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public Optional<Node> read(AccountId caller, long id) {
    return catalogue
        .find(caller, new TemplateId(id))
        .map(template -> new Node("MessageTemplate", CloudTemplateView.of(template)));
  }
}
