/** Messaging internals: the seed's text endpoints and their request and response records. */
@NullMarked
package org.openwaba.messaging.web;

import org.jspecify.annotations.NullMarked;
