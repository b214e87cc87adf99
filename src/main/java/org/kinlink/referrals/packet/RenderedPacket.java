package org.kinlink.referrals.packet;

import java.util.List;

/** A packet as PDF bytes with the SHA-256 of those bytes and the enclosures listed inside it. */
public record RenderedPacket(byte[] pdf, String sha256, List<Enclosure> enclosures) {

	public RenderedPacket {
		enclosures = List.copyOf(enclosures);
	}

}
