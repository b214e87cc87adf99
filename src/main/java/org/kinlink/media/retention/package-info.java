/** Shreds the files of a family message when retention removes the message. */
package org.kinlink.media.retention;
