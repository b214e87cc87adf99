/** Shreds the translation tasks of a family message when retention removes the message. */
package org.kinlink.translation.retention;
