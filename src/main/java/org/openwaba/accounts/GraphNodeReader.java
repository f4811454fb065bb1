package org.openwaba.accounts;

import java.util.Optional;

/**
 * Serves one kind of Graph node at {@code GET /{version}/{id}} on the Cloud API door. Meta
 * addresses phone numbers, accounts, templates and media alike by a bare numeric id, so one
 * controller (in this module) owns the route and asks every reader in turn; modules above accounts
 * implement this interface for their own nodes (templates, media) instead of mapping the same path.
 *
 * <p>Ids are random numbers from one space ({@link org.openwaba.platform.Ids}), so at most one
 * reader knows a given id. Implementations must be thread-safe.
 */
public interface GraphNodeReader {

  /**
   * One node as Meta answers it.
   *
   * @param type Meta's name of the node's type, such as {@code WhatsAppBusinessPhoneNumber}, used
   *     in error details (a {@code ?fields=} selection naming a field the type does not have)
   * @param body the JSON-serialisable answer, with a string {@code id} field
   */
  record Node(String type, Object body) {}

  /**
   * The caller's node with this id; empty if the id is not a node of this reader's kind or belongs
   * to another account, which the controller answers as Meta's "object does not exist" (code 100,
   * subcode 33).
   */
  Optional<Node> read(AccountId caller, long id);
}
