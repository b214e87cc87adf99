package org.kinlink.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Rendition;
import org.kinlink.referrals.packet.Digests;
import org.kinlink.referrals.workflow.ReferralService;
import org.kinlink.testsupport.MediaFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A subtitled video too large for e-mail (the limit is 10 kB here) is offered through a download link printed
 * in the packet: the recipient downloads it without an account while the link is valid (with ranges, never
 * cached), a wrong or malformed token and an expired link get 404, and the mail carries no video.
 */
@SpringBootTest(properties = "kinlink.referrals.enclosure-limit=10KB")
@AutoConfigureMockMvc
class ReferralDownloadLinkTests {

	private static final Pattern LINK = Pattern.compile("/referral-downloads/([A-Za-z0-9_-]{43})");

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(org.kinlink.testsupport.TestSmtp.setup())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	ReferralService referrals;

	@Autowired
	MediaFiles files;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRecipientDownloadsTheVideoByTheLinkInThePacketUntilItExpires() throws Exception {
		MediaReferrals referral = MediaReferrals.approvedReferral(context);
		byte[] video = MediaFixtures.from(context).testVideo();
		String videoSha = files.content(referral.video, Rendition.subtitled("sq")).sha256();

		String text;
		try (PDDocument document = Loader.loadPDF(referral.packet())) {
			text = new PDFTextStripper().getText(document);
		}
		Matcher link = LINK.matcher(text.replaceAll("\\s+", ""));
		assertThat(link.find()).as("a download link in the packet").isTrue();
		String token = link.group(1);
		assertThat(text.replaceAll("\\s+", " ")).contains(videoSha).contains("http://localhost:8080/referral-downloads/");
		assertThat(jdbc.sql("select token_sha256 from referrals.download where referral_id = ?").param(referral.referralId)
			.query(String.class).single()).isEqualTo(Digests.sha256(token)).doesNotContain(token);

		mvc.perform(get("/referral-downloads/{token}", token))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Content-Type", "video/mp4"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"KL-REF-")))
			.andExpect(content().bytes(video));
		mvc.perform(get("/referral-downloads/{token}", token).header("Range", "bytes=0-99"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 0-99/" + video.length))
			.andExpect(content().bytes(Arrays.copyOf(video, 100)));

		char[] wrong = token.toCharArray();
		wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
		mvc.perform(get("/referral-downloads/{token}", new String(wrong))).andExpect(status().isNotFound());
		mvc.perform(get("/referral-downloads/{token}", "short")).andExpect(status().isNotFound());

		referral.dispatch();
		await().atMost(Duration.ofSeconds(30)).until(() -> referrals.get(referral.referralId).mailSentAt() != null);
		MimeMessage sent = mail.getReceivedMessages()[mail.getReceivedMessages().length - 1];
		assertThat(MediaReferrals.parts(sent)).noneMatch(part -> {
			try {
				return part.isMimeType("video/mp4");
			}
			catch (jakarta.mail.MessagingException ex) {
				return true;
			}
		});

		jdbc.sql("update referrals.download set expires_at = now() - interval '1 minute' where referral_id = ?")
			.param(referral.referralId).update();
		mvc.perform(get("/referral-downloads/{token}", token)).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select outcome from audit.entry where action = 'referral.download' and record_id = ? order by sequence")
			.param(referral.referralId.toString()).query(String.class).list()).containsExactly("SUCCESS", "SUCCESS");
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'referral.download' and outcome = 'DENIED'")
			.query(Integer.class).single()).isGreaterThanOrEqualTo(3);
	}

}
