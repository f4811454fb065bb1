/**
 * Outbound HTTP to addresses chosen by users (media URLs, webhook endpoints), guarded against
 * server-side request forgery: {@link org.openwaba.platform.outbound.AddressPolicy} refuses every
 * address that is not public unicast, and {@link
 * org.openwaba.platform.outbound.OutboundHttpClients} builds Apache HttpClient clients that apply
 * it to the address actually connected to, on every redirect hop. Configured by {@code
 * openwaba.platform.outbound.*}.
 */
@NullMarked
@NamedInterface("outbound")
package org.openwaba.platform.outbound;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
