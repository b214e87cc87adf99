package org.kinlink.referrals.packet;

/** One document enclosed in a packet, named in the recipient's language, with the SHA-256 of its UTF-8 text. */
public record Enclosure(String title, String sha256) {
}
