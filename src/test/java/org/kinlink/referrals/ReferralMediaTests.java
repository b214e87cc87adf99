package org.kinlink.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
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

/**
 * A referral of a message with a scan and a video: the scan's page is appended to the PDF packet as an image,
 * the subtitled video (small enough) travels as an enclosure of the e-mail, and the packet lists the SHA-256 of
 * both, which match what the recipient receives.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralMediaTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(org.kinlink.testsupport.TestSmtp.setup())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Autowired
	ApplicationContext context;

	@Autowired
	ReferralService referrals;

	@Autowired
	MediaFiles files;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sendsTheScanInsideThePacketAndTheSubtitledVideoAsAnEnclosureWithTheirDigests() throws Exception {
		MediaReferrals referral = MediaReferrals.approvedReferral(context);
		String videoSha = files.content(referral.video, Rendition.subtitled("sq")).sha256();
		String scanSha = files.content(referral.scan, Rendition.page(1)).sha256();
		assertThat(videoSha).isEqualTo(Digests.sha256(MediaFixtures.from(context).testVideo()));

		byte[] packet = referral.packet();
		try (PDDocument document = Loader.loadPDF(packet)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains(videoSha).contains(scanSha).contains(UpstreamFakes.ALBANIAN.replaceAll("\\s+", " "))
				.contains("bashkëngjitur e-mailit").doesNotContain("/referral-downloads/");
			PDPage last = document.getPage(document.getNumberOfPages() - 1);
			List<PDImageXObject> images = new java.util.ArrayList<>();
			for (var name : last.getResources().getXObjectNames()) {
				if (last.getResources().getXObject(name) instanceof PDImageXObject image) {
					images.add(image);
				}
			}
			assertThat(images).singleElement().satisfies(image -> {
				assertThat(image.getWidth()).isEqualTo(400);
				assertThat(image.getHeight()).isEqualTo(300);
			});
		}
		assertThat(jdbc.sql("select count(*) from referrals.download where referral_id = ?").param(referral.referralId)
			.query(Integer.class).single()).isZero();

		referral.dispatch();
		await().atMost(Duration.ofSeconds(30)).until(() -> referrals.get(referral.referralId).mailSentAt() != null);
		MimeMessage sent = mail.getReceivedMessages()[mail.getReceivedMessages().length - 1];
		List<Part> parts = MediaReferrals.parts(sent);
		Part video = parts.stream().filter(p -> partIs(p, "video/mp4")).findFirst().orElseThrow();
		assertThat(Digests.sha256(video.getInputStream().readAllBytes())).isEqualTo(videoSha);
		assertThat(video.getFileName()).endsWith("-video-1-sq.mp4");
		Part pdf = parts.stream().filter(p -> partIs(p, "application/pdf")).findFirst().orElseThrow();
		assertThat(pdf.getInputStream().readAllBytes()).isEqualTo(packet);
	}

	private static boolean partIs(Part part, String type) {
		try {
			return part.isMimeType(type);
		}
		catch (jakarta.mail.MessagingException ex) {
			return false;
		}
	}

	@Test
	void refusesToApproveWhileAVideoHasNoSubtitledCopyInThePacketsLanguage() throws Exception {
		MediaReferrals referral = MediaReferrals.draft(context, false);
		assertThat(referral.approve()).isEqualTo(409);
		assertThat(referrals.get(referral.referralId).state())
			.isEqualTo(org.kinlink.referrals.workflow.ReferralState.DRAFT);
		assertThat(jdbc.sql("select count(*) from referrals.media_enclosure where referral_id = ?")
			.param(referral.referralId).query(Integer.class).single()).isZero();
	}

}
