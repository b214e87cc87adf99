package org.kinlink.people.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.kinlink.people.NameQuery;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.names.PersonScorer;

/**
 * Issue #5 item 11, a benchmark (not a test): generates persons with Iranian names written in Persian and in one
 * of their usual romanisations, common names far more common than rare ones (Zipf), fills the name index, then
 * asks for the ten best candidates for names spelled another way than stored and reports the latency
 * percentiles, the build time and the heap. Run {@code bench/names-search-benchmark.sh [persons] [queries]}.
 */
public final class NameSearchBenchmark {

	/** Given names: Persian, then Latin spellings in use. */
	static final String[][] GIVEN = { { "محمد", "Mohammad", "Mohamad", "Muhammad", "Mohammed" }, { "علی", "Ali" },
			{ "حسین", "Hossein", "Hosein", "Hussein" }, { "رضا", "Reza" }, { "مهدی", "Mehdi", "Mahdi" },
			{ "حسن", "Hassan", "Hasan" }, { "محمود", "Mahmoud", "Mahmud", "Mahmood" }, { "فاطمه", "Fatemeh", "Fateme" },
			{ "زهرا", "Zahra" }, { "مریم", "Maryam" }, { "امیر", "Amir" }, { "سعید", "Saeed", "Saeid", "Said" },
			{ "جواد", "Javad", "Jawad" }, { "مجید", "Majid" }, { "حمید", "Hamid" }, { "احمد", "Ahmad" },
			{ "عباس", "Abbas" }, { "مسعود", "Masoud", "Masood", "Masud" }, { "یوسف", "Yousef", "Yusef", "Yosef" },
			{ "زینب", "Zeynab", "Zeinab" }, { "معصومه", "Masoumeh", "Masumeh" }, { "سارا", "Sara" }, { "نرگس", "Narges" },
			{ "امیرحسین", "Amirhossein", "Amir Hossein" }, { "محمدرضا", "Mohammadreza", "Mohammad Reza" },
			{ "علیرضا", "Alireza", "Ali Reza" }, { "قاسم", "Ghasem", "Qasem" }, { "غلامرضا", "Gholamreza", "Qolamreza" },
			{ "داوود", "Davood", "Davoud", "Davud" }, { "حامد", "Hamed" }, { "زهره", "Zohreh" }, { "لیلا", "Leila", "Leyla" },
			{ "شیرین", "Shirin" }, { "بهروز", "Behrouz", "Behruz" }, { "فرهاد", "Farhad" }, { "فرزاد", "Farzad" },
			{ "کریم", "Karim" }, { "رحیم", "Rahim" }, { "اکبر", "Akbar" }, { "اصغر", "Asghar" }, { "مصطفی", "Mostafa" },
			{ "مرتضی", "Morteza" }, { "ابراهیم", "Ebrahim", "Ibrahim" }, { "اسماعیل", "Esmaeil", "Esmail" },
			{ "خدیجه", "Khadijeh", "Khadije" }, { "رقیه", "Roghayeh", "Roqayeh" }, { "سمیرا", "Samira" }, { "نسرین", "Nasrin" },
			{ "پروین", "Parvin" }, { "کامران", "Kamran" } };

	static final String[][] FAMILY = { { "محمدی", "Mohammadi" }, { "حسینی", "Hosseini", "Hoseini" },
			{ "احمدی", "Ahmadi" }, { "رضایی", "Rezaei", "Rezaee", "Rezayi" }, { "موسوی", "Mousavi", "Musavi", "Moosavi" },
			{ "کریمی", "Karimi" }, { "جعفری", "Jafari", "Ja'fari" }, { "رحیمی", "Rahimi" }, { "صادقی", "Sadeghi", "Sadeqi" },
			{ "حیدری", "Heidari", "Heydari" }, { "قربانی", "Ghorbani", "Qorbani" }, { "عباسی", "Abbasi" },
			{ "ابراهیمی", "Ebrahimi" }, { "کاظمی", "Kazemi" }, { "دهقانی", "Dehghani", "Dehqani" }, { "کرمی", "Karami" },
			{ "رحمانی", "Rahmani" }, { "قاسمی", "Ghasemi", "Qasemi" }, { "یزدانی", "Yazdani" }, { "سلیمانی", "Soleimani", "Soleymani" },
			{ "نوری", "Nouri", "Nuri" }, { "خسروی", "Khosravi" }, { "باقری", "Bagheri", "Baqeri" }, { "شجاعی", "Shojaei", "Shojaee" },
			{ "اکبری", "Akbari" }, { "ملکی", "Maleki" }, { "نجفی", "Najafi" }, { "طاهری", "Taheri" }, { "امینی", "Amini" },
			{ "یوسفی", "Yousefi", "Yusefi" }, { "نظری", "Nazari" }, { "زارعی", "Zarei", "Zareei" }, { "فرهادی", "Farhadi" },
			{ "کیانی", "Kiani" }, { "علیزاده", "Alizadeh" }, { "حسین‌زاده", "Hosseinzadeh" }, { "رضازاده", "Rezazadeh" },
			{ "میرزایی", "Mirzaei", "Mirzaee" }, { "شریفی", "Sharifi" }, { "عزیزی", "Azizi" }, { "جمالی", "Jamali" },
			{ "پورمحمدی", "Pourmohammadi" }, { "تهرانی", "Tehrani" }, { "شیرازی", "Shirazi" }, { "اصفهانی", "Esfahani" },
			{ "کرمانی", "Kermani" }, { "تبریزی", "Tabrizi" }, { "مشهدی", "Mashhadi" }, { "رستمی", "Rostami" }, { "افشار", "Afshar" } };

	private NameSearchBenchmark() {
	}

	public static void main(String[] args) {
		int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
		Random random = new Random(20261125);
		Zipf given = new Zipf(GIVEN.length, random);
		Zipf family = new Zipf(FAMILY.length, random);
		PersonDetails[] people = new PersonDetails[persons];
		for (int i = 0; i < persons; i++) {
			String[] g = GIVEN[given.next()];
			String[] f = FAMILY[family.next()];
			String[] father = GIVEN[given.next()];
			people[i] = new PersonDetails(g[0] + " " + f[0], latin(g, random) + " " + latin(f, random), father[0],
					1940 + random.nextInt(70), null);
		}
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long heapBefore = runtime.totalMemory() - runtime.freeMemory();
		NameIndex index = new NameIndex();
		long buildStart = System.nanoTime();
		for (PersonDetails person : people) {
			index.add(UUID.randomUUID(), person);
		}
		long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;
		System.gc();
		long heapAfter = runtime.totalMemory() - runtime.freeMemory();
		ShortlistIndexBaseline baseline = null;
		long baselineMillis = 0;
		if (Boolean.parseBoolean(System.getProperty("bench.baseline", "true"))) {
			baseline = new ShortlistIndexBaseline();
			long start = System.nanoTime();
			for (PersonDetails person : people) {
				baseline.add(UUID.randomUUID(), person);
			}
			baselineMillis = (System.nanoTime() - start) / 1_000_000;
		}
		// warm up, then measure: each query is a stored person spelled another way (Latin variant or Persian); the
		// baseline (the index before item 11) answers the same query right after, so both run under the same load
		for (int i = 0; i < 300; i++) {
			NameQuery query = query(people[random.nextInt(persons)], random);
			index.top(query, 10, PersonScorer.DEFAULT_THRESHOLD);
			if (baseline != null) {
				baseline.top(query, 10, PersonScorer.DEFAULT_THRESHOLD);
			}
		}
		long[] nanos = new long[queries];
		long[] baselineNanos = new long[queries];
		int found = 0;
		for (int i = 0; i < queries; i++) {
			NameQuery query = query(people[random.nextInt(persons)], random);
			long start = System.nanoTime();
			found += index.top(query, 10, PersonScorer.DEFAULT_THRESHOLD).isEmpty() ? 0 : 1;
			nanos[i] = System.nanoTime() - start;
			if (baseline != null) {
				start = System.nanoTime();
				baseline.top(query, 10, PersonScorer.DEFAULT_THRESHOLD);
				baselineNanos[i] = System.nanoTime() - start;
			}
		}
		if (baseline != null) {
			Arrays.sort(baselineNanos);
			System.out.printf(Locale.ROOT, "baseline (shortlist of 200) build %d ms, latency ms\tp50 %.2f\tp95 %.2f\tp99 %.2f%n",
					baselineMillis, ms(baselineNanos, 0.50), ms(baselineNanos, 0.95), ms(baselineNanos, 0.99));
		}
		Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "persons\t%d%nindex build\t%d ms%nindex heap\t%d MB%nqueries\t%d (with a candidate: %d)%n", persons,
				buildMillis, (heapAfter - heapBefore) / (1024 * 1024), queries, found);
		System.out.printf(Locale.ROOT, "latency ms\tp50 %.2f\tp95 %.2f\tp99 %.2f\tmax %.2f%n", ms(nanos, 0.50), ms(nanos, 0.95),
				ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
		// a lower floor, as the triage search uses (partial names, scores shown to staff)
		long[] search = new long[Math.min(queries, 1000)];
		for (int i = 0; i < search.length; i++) {
			NameQuery query = query(people[random.nextInt(persons)], random);
			long start = System.nanoTime();
			index.top(query, 20, 0.45);
			search[i] = System.nanoTime() - start;
		}
		Arrays.sort(search);
		System.out.printf(Locale.ROOT, "triage search (20 best, floor 0.45) ms\tp50 %.2f\tp95 %.2f\tp99 %.2f%n", ms(search, 0.50),
				ms(search, 0.95), ms(search, 0.99));
		recall(index, people, random, Integer.parseInt(System.getProperty("bench.recall", "100")));
	}

	/**
	 * Recall of the index against scoring every person: for sampled queries, the ten best scores the index returns
	 * must be the ten best scores of the full scan (equal scores may be other persons).
	 */
	private static void recall(NameIndex index, PersonDetails[] people, Random random, int samples) {
		if (samples <= 0) {
			return;
		}
		PersonScorer.Description[] all = Arrays.stream(people).map(NameIndex::description).toArray(PersonScorer.Description[]::new);
		int same = 0;
		int wanted = 0;
		int kept = 0;
		for (int i = 0; i < samples; i++) {
			NameQuery query = query(people[random.nextInt(people.length)], random);
			PersonScorer.Description sought = NameIndex.description(new PersonDetails(query.namePersian(), query.nameLatin(),
					query.fatherName(), query.birthYear(), null));
			double[] full = Arrays.stream(all)
				.mapToDouble(d -> PersonScorer.score(sought, d).value())
				.filter(v -> v >= PersonScorer.DEFAULT_THRESHOLD)
				.map(v -> -v)
				.sorted()
				.limit(10)
				.map(v -> -v)
				.toArray();
			double[] fast = index.top(query, 10, PersonScorer.DEFAULT_THRESHOLD).stream().mapToDouble(h -> h.score().value()).toArray();
			same += Arrays.equals(full, fast) ? 1 : 0;
			wanted += full.length;
			for (int k = 0; k < Math.min(full.length, fast.length); k++) {
				kept += Math.abs(full[k] - fast[k]) < 1e-9 ? 1 : 0;
			}
		}
		System.out.printf(Locale.ROOT, "recall@10 against a full scan\t%d of %d queries identical, %d of %d best scores kept%n", same,
				samples, kept, wanted);
	}

	private static NameQuery query(PersonDetails person, Random random) {
		return switch (random.nextInt(3)) {
			case 0 -> new NameQuery(person.namePersian(), null, null, null);
			case 1 -> new NameQuery(null, person.nameLatin(), null, person.birthYear());
			default -> new NameQuery(person.namePersian(), null, person.fatherName(), person.birthYear());
		};
	}

	private static String latin(String[] name, Random random) {
		return name[1 + random.nextInt(name.length - 1)];
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	/** Index i drawn with weight 1 / (i + 1): a few names very common, most rare. */
	private static final class Zipf {

		private final double[] cumulative;

		private final Random random;

		Zipf(int n, Random random) {
			this.random = random;
			cumulative = new double[n];
			double sum = 0;
			for (int i = 0; i < n; i++) {
				sum += 1.0 / (i + 1);
				cumulative[i] = sum;
			}
			for (int i = 0; i < n; i++) {
				cumulative[i] /= sum;
			}
		}

		int next() {
			int at = Arrays.binarySearch(cumulative, random.nextDouble());
			return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
		}

	}

}
