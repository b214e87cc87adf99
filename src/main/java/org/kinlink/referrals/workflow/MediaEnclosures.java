package org.kinlink.referrals.workflow;

import java.nio.channels.Channels;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.kinlink.media.MediaContent;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Rendition;
import org.kinlink.referrals.packet.Digests;
import org.kinlink.referrals.packet.PacketContent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The videos a packet encloses. When the packet is made, each video (its copy with subtitles in the packet's
 * language) is attached to the e-mail while the attachments stay under the enclosure limit; a larger one gets
 * a download link for the recipient: a random 256-bit token, of which only the SHA-256 is stored, valid for a
 * limited time. The digest of the MP4 is printed in the packet either way.
 */
@Component
class MediaEnclosures {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final JdbcClient jdbc;

	private final MediaFiles files;

	private final long limit;

	private final Duration validity;

	private final String baseUrl;

	private final SecureRandom random = new SecureRandom();

	MediaEnclosures(JdbcClient jdbc, MediaFiles files,
			@Value("${kinlink.referrals.enclosure-limit:15MB}") DataSize limit,
			@Value("${kinlink.referrals.download-validity:P14D}") Duration validity,
			@Value("${kinlink.referrals.download-base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.files = files;
		this.limit = limit.toBytes();
		this.validity = validity;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Encloses the subtitled copy of a video in the referral's packet; called while the packet is made. */
	PacketContent.Video enclose(UUID referralId, int fileNumber, UUID fileId, String language, Instant now) {
		MediaContent copy = files.content(fileId, Rendition.subtitled(language));
		long mailed = jdbc.sql("select coalesce(sum(size), 0) from referrals.media_enclosure where referral_id = ? and delivery = 'MAIL'")
			.param(referralId)
			.query(Long.class)
			.single();
		int position = jdbc.sql("select count(*) from referrals.media_enclosure where referral_id = ?")
			.param(referralId)
			.query(Integer.class)
			.single();
		boolean mail = mailed + copy.size() <= limit;
		jdbc.sql("""
				insert into referrals.media_enclosure (referral_id, file_id, language, delivery, size, sha256, position)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(referralId, fileId, language, mail ? "MAIL" : "LINK", copy.size(), copy.sha256(), position)
			.update();
		if (mail) {
			return new PacketContent.Video(fileNumber, language, copy.size(), copy.sha256(), null, null);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expires = now.plus(validity);
		jdbc.sql("""
				insert into referrals.download (token_sha256, referral_id, file_id, language, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(Digests.sha256(token), referralId, fileId, language, Timestamp.from(now), Timestamp.from(expires))
			.update();
		return new PacketContent.Video(fileNumber, language, copy.size(), copy.sha256(), baseUrl + "/referral-downloads/"
				+ token, expires);
	}

	/** The videos to attach to the referral's e-mail, read (decrypted) only while the mail is written. */
	List<MailAttachment> mailAttachments(UUID referralId, String reference) {
		return jdbc.sql("""
				select file_id, language, position from referrals.media_enclosure where referral_id = ? and delivery = 'MAIL'
				order by position""")
			.param(referralId)
			.query((rs, n) -> {
				UUID fileId = rs.getObject("file_id", UUID.class);
				String language = rs.getString("language");
				String name = reference + "-video-" + (rs.getInt("position") + 1) + "-" + language + ".mp4";
				InputStreamSource source = () -> Channels.newInputStream(files.content(fileId, Rendition.subtitled(language))
					.channel()
					.get());
				return new MailAttachment(name, "video/mp4", source);
			})
			.list();
	}

	/** The video a download token opens while it is valid; empty for a malformed, unknown or expired token. */
	Optional<Download> download(String token, Instant now) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select d.referral_id, d.file_id, d.language, r.reference from referrals.download d
				join referrals.referral r on r.id = d.referral_id where d.token_sha256 = ? and d.expires_at > ?""")
			.params(Digests.sha256(token), Timestamp.from(now))
			.query((rs, n) -> new Download(rs.getObject("referral_id", UUID.class), rs.getObject("file_id", UUID.class),
					rs.getString("language"), rs.getString("reference")))
			.optional();
	}

	/** A file to attach to the packet's e-mail. */
	record MailAttachment(String name, String contentType, InputStreamSource source) {
	}

	/** What a valid download token opens. */
	record Download(UUID referralId, UUID fileId, String language, String reference) {
	}

}
