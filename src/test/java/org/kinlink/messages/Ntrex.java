package org.kinlink.messages;

/**
 * Real sentences for tests, copied from NTREX-128 (Federmann, Kocmi, Xin 2022; github.com/MicrosoftTranslator/NTREX,
 * newstest2019 references), licensed CC BY-SA 4.0. Line numbers refer to the newstest2019 files.
 */
public final class Ntrex {

	/** Persian, no contact details (line 3). */
	public static final String PERSIAN_PLAIN = "این نگرانی به دلیل طرحهایی است که برای تغییر نام مجلس به «پارلمان ولز» مطرح شده است.";

	/** Persian, no contact details (line 2). */
	public static final String PERSIAN_PLAIN_2 = "در میان برخی از اعضای مجلس در خصوص پیشنهاد تغییر عنوان آنها به MWP (مخفف عضو پارلمان ولز) نگرانیهایی وجود دارد.";

	/** Persian, a street named with خیابان (line 151). */
	public static final String PERSIAN_STREET = "در ساعت ۷:۵۵ صبح بدن یک زن ۴۴ ساله با زخمهای چاقو بر پیکرش در محله Grayson Mews در خیابان جان پیدا شد و در این رابطه یک مرد ۳۲ ساله به اتهام قتل دستگیر شد.";

	/** Persian, a phone number in Persian digits and a handle (line 166). */
	public static final String PERSIAN_PHONE = "از کسانی که اطلاعاتی در این زمینه دارند خواسته شده از طریق DM @MerPolCC یا با شماره ۱۰۱ تماس بگیرند یا از طریق سیستم ارتباط ضد جنایی و به صورت ناشناس با شماره تلفن ۰۸۰۰۵۵۵۱۱۱ با ذکر واقعه ۲۴۷ مربوط به ۳۰ سپتامبر تماس حاصل کنند.";

	/** Persian, a crossing of two streets (line 341). */
	public static final String PERSIAN_TWO_STREETS = "تصادف در جنوب شرقی شهر، تقاطع خیابان بستوود و خیابان اِولین که یک جاده شلوغ در دپتفورد است، در حدود ساعت ۱۰:۱۵ دقیقه به وقت بیتانیا رخ داد.";

	/** Persian, 'streets' in general, no address (line 874). */
	public static final String PERSIAN_STREETS_PLURAL = "چه چیزی در تلویزیون و خیابان‌ها آموزش داده می‌شود که باعث می‌شود پسران جوان احساس کنند باید این جنبه خاص از مرد بودن را داشته باشند؟";

	/** Persian with an e-mail address (line 1875). */
	public static final String PERSIAN_EMAIL = "اگر شما هم تقلا می کنید تا با مشکلات خود مقابله کنید، می توانید با خط رایگان ساماریتانز 116123 (پادشاهی متحده و ایرلند) تماس بگیرید یا به آدرس jo@samaritans.org ایمیل بزنید یا به وب سایت ساماریتانز در اینجا مراجعه کنید.";

	/** Dari, a phone number in Latin digits with spaces (line 166). */
	public static final String DARI_PHONE = "از همه اشخاصی که معلومات دارند درخواست میشود تا مستقیمًا به @MerPolCC پیام بفرستند، به 101 زنگ بزنند یا بدون افشای هویت با Crimestoppers توسط شماره 111 555 0800 با نقل لوگ 247 30م سپتمبر، تماس بگیرند.";

	/** Albanian, an address with Rrugën (line 35). */
	public static final String ALBANIAN_STREET = "Shën Martini i kaloi një kongregacioni njerëzish me ngjyrë nën drejtimin e Rev. John Howard Johnson, i cili udhëhoqi një bojkot të tregtarëve të pakicës në Rrugën “125th“, një rrugë kryesore dyqanesh në Harlem, të cilët nuk pranonin të punësonin apo promovonin njerëzit me ngjyrë.";

	/** Albanian, 'rrugë' in general, no address (line 129). */
	public static final String ALBANIAN_ROADS = "Më shumë se 1000 persona kanë mbetur të vrarë dhe dhjetëra mijëra janë zhvendosur nga shtëpitë e tyre pas përplasjes së grupeve të krishtera dhe myslimane në rrugë, ku janë përdorur hanxharë, harqe e shigjeta, dhe armë të tjera të ftohta.";

	/** English, John Street (line 151). */
	public static final String ENGLISH_STREET = "The 44-year-old was found at 7.55am with stab wounds on Grayson Mews on John Street, with a 32-year-old man being arrested on suspicion of murder.";

	/** English, phone and e-mail (line 1875). */
	public static final String ENGLISH_PHONE_EMAIL = "If you are struggling to cope, you can call Samaritans free on 116 123 (UK and Ireland), email jo@samaritans.org, or visit the Samaritans website here.";

	private Ntrex() {
	}

}
