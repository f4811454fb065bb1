/**
 * The message types both API doors send, one class per type: each checks its type's object against
 * Meta's rules and limits and turns it into what is stored and handed to the network. The doors
 * only translate envelopes; every rule about a type lives here, once.
 */
@NullMarked
package org.openwaba.messaging.content;

import org.jspecify.annotations.NullMarked;
