/** The sign-in page in Arabic (Modern Standard Arabic), right to left; addresses and times isolated as left-to-right runs. */
import type { SignInMessages } from './catalogue.ts';
import { formatsFor } from './format.ts';

const f = formatsFor('ar');
/** A left-to-right insert (an address, a URL) kept whole inside right-to-left text. */
const ltr = (text: string) => `\u2068${text}\u2069`;
const digits = (n: number) => f.plural(n, { few: '# أرقام', other: '# رقمًا' });
const attempts = (n: number) =>
  f.plural(n, { zero: 'لم تتبقَّ أي محاولة', one: 'تتبقى محاولة واحدة', two: 'تتبقى محاولتان', few: 'تتبقى # محاولات', other: 'تتبقى # محاولة' });

export const ar: SignInMessages = {
  language: 'ar',
  languageName: 'العربية',
  direction: 'rtl',
  sentenceSeparator: ' ',

  documentTitle: 'تسجيل الدخول برمز عبر البريد الإلكتروني',
  languageLabel: 'اللغة',
  emailLabel: 'البريد الإلكتروني',
  passwordLabel: 'كلمة المرور',
  newPasswordLabel: 'كلمة المرور الجديدة',
  codeLabel: 'رمز تسجيل الدخول',
  claimsSummary: 'مطالبات رمز الهوية (ID token)',

  titleSignIn: 'تسجيل الدخول',
  titleCodeSignIn: 'تسجيل الدخول برمز عبر البريد الإلكتروني',
  titlePasswordAndCodeSignIn: 'تسجيل الدخول بكلمة المرور ورمز عبر البريد الإلكتروني',
  titleEnterCode: 'أدخل الرمز',
  titleLinkSignIn: 'تسجيل الدخول عبر الرابط في البريد الإلكتروني',
  titleNewPassword: 'اختر كلمة مرور جديدة',
  titleSignedIn: 'تم تسجيل دخولك',

  emailMeACode: 'أرسل لي رمزًا بالبريد الإلكتروني',
  continue: 'متابعة',
  haveCode: 'لديّ رمز بالفعل',
  signIn: 'تسجيل الدخول',
  sendNewCode: 'إرسال رمز جديد',
  useDifferentEmail: 'استخدام بريد إلكتروني آخر',
  notYou: 'لست أنت؟ استخدم بريدًا إلكترونيًا آخر',
  setPasswordAndContinue: 'تعيين كلمة المرور والمتابعة',
  signOut: 'تسجيل الخروج',
  withWait: (label, ms) => `${label} (بعد ${ltr(f.duration(ms))})`,

  continueAs: 'متابعة تسجيل الدخول باسم {email}.',
  temporaryPassword: 'كلمة المرور الحالية مؤقتة. اختر كلمة مرور جديدة للمتابعة.',
  signedInAs: 'تم تسجيل الدخول باسم {email}',
  idTokenValidUntil: (at) => `رمز الهوية صالح حتى ${ltr(f.time(at))}.`,

  codeSentFirst: (length, masked) => `أرسلنا رمزًا من ${digits(length)} إلى ${ltr(masked)}.`,
  codeSentNew: (length, masked) => `أرسلنا رمزًا جديدًا من ${digits(length)} إلى ${ltr(masked)}.`,
  codeSentReused: (length, masked) => `أدخل الرمز المكوّن من ${digits(length)} الذي أرسلناه إلى ${ltr(masked)}.`,
  codeSentHaveCode: (length, masked) => `أدخل الرمز المكوّن من ${digits(length)} من أحدث رسالة أرسلناها إلى ${ltr(masked)}.`,
  linkInSameEmail: 'تتضمن الرسالة نفسها رابطًا لتسجيل الدخول يمكنك فتحه بدلًا من ذلك.',
  checkInbox: 'تحقق من صندوق الوارد.',
  noEmailHint: 'لم تصلك رسالة بعد دقيقة؟ تحقق من العنوان ومن مجلد الرسائل غير المرغوب فيها، أو استخدم عنوانًا آخر: بعض خوادم البريد ترفض رسائلنا.',
  newCodeOnItsWay: 'رمز جديد في الطريق إليك. الرموز في الرسائل السابقة لم تعد صالحة.',
  codeStillWorks: 'الرمز الموجود في صندوق الوارد لا يزال صالحًا: لم تُرسَل رسالة جديدة.',
  codeExpiresIn: (ms) => `تنتهي صلاحية الرمز بعد ${ltr(f.duration(ms))}.`,
  codeExpired: 'انتهت صلاحية هذا الرمز.',
  codeExpiredNewCodeIn: (ms) => `انتهت صلاحية هذا الرمز. يمكن إرسال رمز جديد بعد ${ltr(f.duration(ms))}.`,
  codeExpiredSendNew: 'انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا للمتابعة.',
  codeDead: 'لم يعد هذا الرمز صالحًا.',
  codeDeadLinkWorks: 'لم يعد هذا الرمز صالحًا، لكن رابط تسجيل الدخول في الرسالة نفسها لا يزال صالحًا.',
  attemptsLeftForCode: (n) => `${attempts(n)} لهذا الرمز.`,
  canSendNow: 'يمكنك الآن طلب رمز جديد.',
  canTryNow: 'يمكنك المحاولة مرة أخرى الآن.',
  signedOut: 'تم تسجيل خروجك.',
  lastCodeDead: (masked) => `لم يعد آخر رمز أرسلناه إلى ${ltr(masked)} صالحًا. يمكنك طلب رمز جديد عند انتهاء العد التنازلي على الزر.`,
  codeWorksUntil: (masked, at) => `الرمز الذي أرسلناه إلى ${ltr(masked)} صالح حتى ${ltr(f.time(at))}: اختر «لديّ رمز بالفعل».`,

  enterValidEmail: 'أدخل بريدًا إلكترونيًا صالحًا.',
  enterPassword: 'أدخل كلمة المرور.',
  enterEmail: 'أدخل بريدك الإلكتروني.',
  enterEmailAndPassword: 'أدخل بريدك الإلكتروني وكلمة المرور.',
  enterAllDigits: (length) => `أدخل أرقام الرمز كلها (${digits(length)}).`,
  enterNewPassword: 'أدخل كلمة مرور جديدة.',
  tokensUnreadable: 'تم تسجيل الدخول، لكن تعذّرت قراءة الرموز المميزة. يُرجى تسجيل الدخول مرة أخرى.',
  notConfigured: `صفحة تسجيل الدخول هذه غير مُعدّة: تعذّر تحميل ${ltr('config.json')}.`,
  linkGoneNoSend: 'لم يعد رابط تسجيل الدخول هذا صالحًا (انتهت صلاحية رمزه أو استُخدم)، ولا يمكن إرسال رسالة جديدة بعد.',

  wrongCode: (left) => `الرمز غير صحيح. ${attempts(left)}.`,
  tooManyWrongCodes: 'رموز خاطئة كثيرة: لم يعد هذا الرمز صالحًا.',
  tooManyWrongCodesLinkWorks: 'رموز خاطئة كثيرة: لم يعد هذا الرمز صالحًا، لكن الرابط في الرسالة نفسها لا يزال صالحًا.',
  linkRefused: 'لم يعد رابط تسجيل الدخول هذا صالحًا: فقد استُخدم أو انتهت صلاحيته أو حلّت محله رسالة أحدث. أدخل الرمز من أحدث رسالة، أو اطلب رمزًا جديدًا.',
  sendThrottled: 'لا يمكن إرسال مزيد من الرموز إلى هذا العنوان حاليًا.',
  undeliverable: 'لا يمكن إرسال الرموز إلى هذا البريد الإلكتروني. تحقق منه، أو استخدم عنوانًا آخر، أو تواصل مع الدعم.',
  emailCeiling: 'يجري إرسال عدد كبير من رسائل تسجيل الدخول حاليًا. يُرجى المحاولة مرة أخرى بعد قليل.',
  retryLater: 'محاولات تسجيل دخول كثيرة لهذا الحساب حاليًا.',
  retryLaterLinkWorks: 'محاولات تسجيل دخول كثيرة لهذا الحساب حاليًا. رابط تسجيل الدخول في الرسالة لا يزال صالحًا: افتحه لتسجيل الدخول الآن.',
  passwordRejected: (detail) => `لم تُقبل كلمة المرور هذه. ${ltr(detail)}`,
  emailNotSent: 'تعذّر إرسال الرسالة الآن. يُرجى المحاولة مرة أخرى.',
  unavailable: 'تسجيل الدخول غير متاح لحظيًا. يُرجى المحاولة مرة أخرى.',
  network: 'تعذّر الوصول إلى خدمة تسجيل الدخول. تحقق من اتصالك وحاول مرة أخرى.',
  sessionExpired: 'استغرق تسجيل الدخول وقتًا طويلًا. قد يكون رمزك لا يزال صالحًا: اختر «لديّ رمز بالفعل».',
  wrongPassword: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  unexpectedStep: 'يتطلب هذا الحساب خطوة تسجيل دخول لا توفرها هذه الصفحة. تواصل مع الدعم.',
  userDisabled: 'هذا الحساب معطّل. تواصل مع الدعم.',
  signInFailedCheckEmail: 'تعذّر تسجيل الدخول. تحقق من البريد الإلكتروني وحاول مرة أخرى.',
  notConfirmed: 'لم يتم تأكيد هذا الحساب بعد.',
  tooManyRequests: 'محاولات كثيرة. انتظر قليلًا ثم حاول مرة أخرى.',
  signInFailed: 'تعذّر تسجيل الدخول. يُرجى المحاولة مرة أخرى.',

  sendLimitHourly: 'لا يمكن إرسال مزيد من الرموز إلى هذا العنوان حاليًا: فقد تلقّى الحد الأقصى من الرسائل المسموح به في الساعة.',
  sendLimitUnknown: 'لا يمكن إرسال مزيد من الرموز إلى هذا العنوان حاليًا: الرسائل إلى العنوان الواحد محدودة (فاصل قصير بين رسالتين، وعدد قليل في الساعة).',
  sendLinkStillWorks: 'رابط تسجيل الدخول في آخر رسالة لا يزال صالحًا: افتحه لتسجيل الدخول الآن.',
  sendAskAt: (at) => `يمكنك طلب رمز جديد في ${ltr(f.time(at))}، عند انتهاء العد التنازلي على الزر.`,
  sendAskWhenCountdownEnds: 'يمكنك طلب رمز جديد عند انتهاء العد التنازلي على الزر.',
  originRefused: (endpoint, origin) =>
    `خدمة تسجيل الدخول على ${ltr(endpoint)} لا تقبل الطلبات من عنوان هذه الصفحة ${ltr(origin)}. ` +
    `افتح الصفحة على العنوان الذي عرضه الـ ${ltr('stack')} المحلي، أو أضف هذا العنوان إلى ${ltr('CORS_ALLOWED_ORIGINS')} وأعد تشغيل الـ ${ltr('stack')}.`,

  localHintStart: `الـ ${ltr('stack')} المحلي: يضيف ${ltr('npm start')} مستخدمًا تجريبيًا، ${ltr('demo@example.com')}. تصل الرسائل إلى {link}.`,
  localHintCode: `الـ ${ltr('stack')} المحلي: الرسالة في {link}.`,
  localMailbox: 'صندوق البريد المحلي',
};
