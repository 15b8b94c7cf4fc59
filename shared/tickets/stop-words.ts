/**
 * Words that say nothing about which problem a ticket is about, in the three languages support
 * speaks (R10): function words, greetings and courtesy, and the words every ticket uses ("does not
 * work", "problem", "error", "today"). Written as normalised text (lower case, ё as е, no apostrophes).
 */
const RUSSIAN = `
а без более бы был была были было быть в вам вас ваш ваша ваше ваши весь во вот все всего всех всю вы где да даже для до его ее ей ему если есть еще же за здесь и из или им их к как какая какой когда кто ли либо меня мне мной может можно мой моя мы на над надо наш наша наше наши не него нее нет ни ним них но ну о об однако он она они оно от очень по под после потом потому почему при про раз с сам свой свою себе себя сейчас со так также такой там тебя тем теперь то тогда того тоже только том тот тут ты у уж уже хотя чего чем что чтобы чтоб эта эти это этого этой этом этот эту я
здравствуйте добрый доброе добрая день утро вечер привет пожалуйста спасибо заранее уважением помогите помочь подскажите просьба прошу просим
проблема проблемы проблему вопрос ошибка ошибку ошибки пишет выдает могу можем может получается удается
работает работал работала работали работают работать работе перестал перестала перестали перестало
сегодня вчера утром снова опять постоянно
`;

const UKRAINIAN = `
а або але аби б без би бо був була були було бути в вам вас ваш ваша ваше ваші весь від він вона вони воно все всі вся вже де для до його є же ж з за зі із і й їх їм коли кожен кожна лише ми мене мені між може можна мій моя на над нам нас наш наша наше наші не немає нема ні но ну про при під після перед по ось так також там та те ти тобі той ті тільки тому треба тут у хто це цей ці цих цього цієї ця чи що щоб як яка який яке які якщо я ще навіть дуже чому через потім
вітаю здрастуйте добрий доброго добрий день ранок вечір привіт будь ласка дякую заздалегідь повагою допоможіть допомогти підкажіть прохання прошу просимо
проблема проблеми проблему питання помилка помилку помилки пише видає можу можемо може вдається виходить час
працює працював працювала працювали працюють працювати роботі перестав перестала перестали перестало
сьогодні вчора зранку знову постійно
`;

const ENGLISH = `
a about above after again all also am an and any are as at be been before being below between both but by can cannot could did do does doing done down during each even every few for from had has have having he her here hers him his how i if in into is it its just me more most my no nor not now of off on once only or other our ours out over own same she should so some still such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom whose why will with would you your yours
hello hi dear please thanks thank regards team support help us
issue issues problem problems error errors says say shows unable
work works working worked stopped isnt arent wasnt werent doesnt dont didnt cant couldnt wont
today yesterday morning again always
`;

/** Every stop word of the three languages. */
export const STOP_WORDS: ReadonlySet<string> = new Set(`${RUSSIAN} ${UKRAINIAN} ${ENGLISH}`.split(/\s+/).filter((w) => w !== ''));
