package org.kinlink.portal.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argon2id PHC strings keyed by a pepper that lives outside the database (S1). */
class ReceiptHasherTests {

	@TempDir
	Path dataDir;

	final Receipt receipt = Receipt.parse("12345678901234567890").orElseThrow();

	ReceiptHasher hasher(String pepper) {
		return new ReceiptHasher(pepper, dataDir, 1, Duration.ofSeconds(30));
	}

	@Test
	void writesAnArgon2idPhcStringThatIsTheSameForTheSameReceipt() {
		ReceiptHasher hasher = hasher("");
		String hash = hasher.hash(receipt);
		assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
		assertThat(hasher.hash(receipt)).isEqualTo(hash);
		assertThat(hasher.hash(Receipt.parse("12345678901234567891").orElseThrow())).isNotEqualTo(hash);
		assertThat(hash).doesNotContain(receipt.digits());
	}

	@Test
	void createsThePepperFileOnceWithOwnerOnlyPermissions() throws Exception {
		String first = hasher("").hash(receipt);
		Path file = dataDir.resolve("keys/receipt-pepper");
		assertThat(Files.size(file)).isEqualTo(ReceiptPepper.BYTES);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(hasher("").hash(receipt)).isEqualTo(first);
	}

	@Test
	void refusesToMakeANewPepperWhileReceiptsHashedWithTheOldOneExist() {
		assertThatThrownBy(() -> ReceiptPepper.load("", dataDir.resolve("keys/receipt-pepper"), () -> true))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("missing");
		assertThat(Files.exists(dataDir.resolve("keys/receipt-pepper"))).isFalse();
	}

	@Test
	void aDifferentPepperGivesADifferentHash() {
		byte[] pepper = new byte[32];
		pepper[0] = 1;
		String fromEnvironment = hasher(Base64.getEncoder().encodeToString(pepper)).hash(receipt);
		assertThat(fromEnvironment).isNotEqualTo(hasher("").hash(receipt));
		assertThat(Files.exists(dataDir.resolve("keys/receipt-pepper"))).isTrue();
	}

	@Test
	void runsOnlyAFewHashesAtOnceAndSaysBusyToTheRest() throws Exception {
		ReceiptHasher hasher = new ReceiptHasher("", dataDir, 1, Duration.ofMillis(1));
		var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			java.util.concurrent.Callable<String> task = () -> {
				try {
					return hasher.hash(receipt);
				}
				catch (PortalBusyException busy) {
					return "busy";
				}
			};
			var results = pool.invokeAll(java.util.Collections.nCopies(6, task));
			var answers = new java.util.ArrayList<String>();
			for (var result : results) {
				answers.add(result.get());
			}
			assertThat(answers).contains("busy").anyMatch(answer -> answer.startsWith("$argon2id$"));
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void refusesAPepperThatIsTooShortOrNotBase64() {
		assertThatThrownBy(() -> hasher(Base64.getEncoder().encodeToString(new byte[8])))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> hasher("not base64 !")).isInstanceOf(IllegalStateException.class);
	}

}
