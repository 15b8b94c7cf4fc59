/**
 * Realistic pairs of tickets in Russian, Ukrainian and English: the same problem written twice by
 * different people (other words, other forms of a word, other tense), and different problems that
 * share words (the hard cases). The similarity threshold (shared/tickets/similar.ts) is tuned on it.
 */
import type { TicketText } from '../../../../shared/tickets/similar.ts';

/** Two tickets and whether they are the same problem. */
export interface Pair {
  readonly lang: 'ru' | 'uk' | 'en' | 'ru-uk';
  readonly a: TicketText;
  readonly b: TicketText;
  readonly same: boolean;
}

const t = (subject: string, body = ''): TicketText => ({ subject, body });

export const PAIRS: readonly Pair[] = [
  // Russian, the same problem.
  { lang: 'ru', same: true, a: t('Не работает автодозвон'), b: t('Автодозвон не работал с утра', 'Кампания стоит, операторы без звонков.') },
  { lang: 'ru', same: true, a: t('Обрываются звонки', 'Звонки обрываются через 30 секунд разговора'), b: t('Обрыв звонка после 30 секунд', 'Клиенты жалуются, что связь обрывается.') },
  { lang: 'ru', same: true, a: t('Операторы не слышат клиентов'), b: t('Оператор не слышит абонента', 'Односторонняя слышимость на входящих, клиента не слышно.') },
  { lang: 'ru', same: true, a: t('Не загружается отчёт по звонкам'), b: t('Отчет по звонкам не загружается', 'Страница отчетов висит и не открывается.') },
  { lang: 'ru', same: true, a: t('Ошибка при импорте базы номеров', 'CSV с номерами не импортируется, пишет ошибка формата'), b: t('Не импортируется база номеров', 'Загружаем CSV — ошибка формата файла.') },
  { lang: 'ru', same: true, a: t('Нет записей разговоров за вчера'), b: t('Пропали записи разговоров', 'Записей за вчерашний день нет в архиве.') },
  { lang: 'ru', same: true, a: t('Входящие звонки не распределяются на операторов'), b: t('Входящие не распределяются по операторам', 'Очередь растёт, операторы свободны.') },
  { lang: 'ru', same: true, a: t('Не могу войти в личный кабинет', 'Пишет неверный пароль'), b: t('Не получается зайти в кабинет', 'Пароль неверный, хотя он точно правильный.') },
  { lang: 'ru', same: true, a: t('Автодозвон звонит на один номер много раз'), b: t('Повторные звонки на один и тот же номер при автодозвоне') },
  { lang: 'ru', same: true, a: t('Статистика операторов показывает нули'), b: t('В статистике по операторам одни нули') },
  { lang: 'ru', same: true, a: t('Здравствуйте! Не работает автодозвон, помогите пожалуйста'), b: t('Автодозвон не работает', 'Кампания «Январь» стоит.') },
  // Russian, different problems.
  { lang: 'ru', same: false, a: t('Не работает автодозвон'), b: t('Не работает входящая линия', 'Входящие звонки не поступают.') },
  { lang: 'ru', same: false, a: t('Обрываются звонки'), b: t('Как выгрузить отчёт в Excel?') },
  { lang: 'ru', same: false, a: t('Не загружается отчёт по звонкам'), b: t('Добавить в выгрузку колонку с длительностью', 'Было бы удобно видеть длительность разговора.') },
  { lang: 'ru', same: false, a: t('Не могу войти в личный кабинет'), b: t('Добавить оператора в кампанию') },
  { lang: 'ru', same: false, a: t('Ошибка при импорте базы номеров'), b: t('Смена тарифа с января', 'Хотим перейти на другой тариф.') },
  { lang: 'ru', same: false, a: t('Операторы не слышат клиентов'), b: t('Оператор не может поставить звонок на удержание') },
  { lang: 'ru', same: false, a: t('Нет записей разговоров за вчера'), b: t('Статистика кампании за вчера неверная') },
  { lang: 'ru', same: false, a: t('Здравствуйте! Не работает автодозвон, помогите пожалуйста'), b: t('Здравствуйте! Не приходят отчёты на почту, помогите пожалуйста') },

  // Ukrainian, the same problem.
  { lang: 'uk', same: true, a: t('Не працює автодзвін'), b: t('Автодзвін не працював зранку', 'Кампанія стоїть, оператори без дзвінків.') },
  { lang: 'uk', same: true, a: t('Обриваються дзвінки', 'Дзвінки обриваються через 30 секунд'), b: t('Обрив дзвінка після 30 секунд розмови') },
  { lang: 'uk', same: true, a: t('Оператори не чують клієнтів'), b: t('Оператор не чує абонента', 'Однобічна чутність на вхідних.') },
  { lang: 'uk', same: true, a: t('Не завантажується звіт по дзвінках'), b: t('Звіт по дзвінках не завантажується', 'Сторінка звітів зависає.') },
  { lang: 'uk', same: true, a: t('Помилка під час імпорту бази номерів'), b: t('Не імпортується база номерів', 'CSV не завантажується: помилка формату.') },
  { lang: 'uk', same: true, a: t('Немає записів розмов за вчора'), b: t('Зникли записи розмов', 'За вчорашній день записів немає.') },
  { lang: 'uk', same: true, a: t('Вхідні дзвінки не розподіляються на операторів'), b: t('Вхідні не розподіляються між операторами') },
  { lang: 'uk', same: true, a: t('Не можу увійти в особистий кабінет'), b: t('Не вдається увійти до кабінету', 'Пише, що пароль неправильний.') },
  { lang: 'uk', same: true, a: t('Статистика операторів показує нулі'), b: t('У статистиці операторів самі нулі') },
  { lang: 'uk', same: true, a: t('П’ятничний звіт не прийшов на пошту'), b: t("Звіт за п'ятницю не надійшов на пошту") },
  // Ukrainian, different problems.
  { lang: 'uk', same: false, a: t('Не працює автодзвін'), b: t('Не працює вхідна лінія', 'Вхідні дзвінки не надходять.') },
  { lang: 'uk', same: false, a: t('Обриваються дзвінки'), b: t('Як вивантажити звіт в Excel?') },
  { lang: 'uk', same: false, a: t('Не можу увійти в особистий кабінет'), b: t('Додати оператора до кампанії') },
  { lang: 'uk', same: false, a: t('Звіт по дзвінках не завантажується'), b: t('Додати до вивантаження колонку з тривалістю') },
  { lang: 'uk', same: false, a: t('Оператори не чують клієнтів'), b: t('Оператор не може поставити дзвінок на утримання') },
  { lang: 'uk', same: false, a: t('Помилка під час імпорту бази номерів'), b: t('Зміна тарифу з січня') },

  // English, the same problem.
  { lang: 'en', same: true, a: t('Calls are dropping', 'Calls drop after 30 seconds'), b: t('Call dropped', 'The call dropped after half a minute.') },
  { lang: 'en', same: true, a: t('Autodialer is not working'), b: t('Autodialer stopped working this morning', 'The campaign is idle.') },
  { lang: 'en', same: true, a: t('Agents cannot hear customers'), b: t("Agent can't hear the customer", 'One-way audio on inbound calls.') },
  { lang: 'en', same: true, a: t('Call report does not load'), b: t('Calls report is not loading', 'The reports page hangs.') },
  { lang: 'en', same: true, a: t('Error importing phone number list'), b: t('Phone number import fails', 'Uploading the CSV gives a format error.') },
  { lang: 'en', same: true, a: t('Recordings missing for yesterday'), b: t("Yesterday's call recordings are missing") },
  { lang: 'en', same: true, a: t('Inbound calls are not distributed to agents'), b: t('Incoming calls not being distributed to agents', 'The queue keeps growing.') },
  { lang: 'en', same: true, a: t('Cannot log in to the dashboard', 'It says wrong password'), b: t('Unable to log into dashboard', 'Wrong password although it is correct.') },
  { lang: 'en', same: true, a: t('Agent statistics show zeros'), b: t('Zeros in agent statistics') },
  { lang: 'en', same: true, a: t('Autodialer calls the same number repeatedly'), b: t('Repeated calls to the same number from the autodialer') },
  // English, different problems.
  { lang: 'en', same: false, a: t('Autodialer is not working'), b: t('Inbound line is not working', 'No incoming calls arrive.') },
  { lang: 'en', same: false, a: t('Calls are dropping'), b: t('How do I export a report to Excel?') },
  { lang: 'en', same: false, a: t('Call report does not load'), b: t('Add a duration column to the export', 'It would help to see how long each conversation took.') },
  { lang: 'en', same: false, a: t('Cannot log in to the dashboard'), b: t('Add an agent to the campaign') },
  { lang: 'en', same: false, a: t('Agents cannot hear customers'), b: t('Agent cannot put a call on hold') },
  { lang: 'en', same: false, a: t('Error importing phone number list'), b: t('Change of plan from January') },
  { lang: 'en', same: false, a: t('Recordings missing for yesterday'), b: t('Campaign statistics for yesterday are wrong') },

  // Across Russian and Ukrainian, where the words share their roots.
  { lang: 'ru-uk', same: true, a: t('Не работает автодозвон'), b: t('Не працює автодзвін') },
  { lang: 'ru-uk', same: true, a: t('Статистика операторов показывает нули'), b: t('Статистика операторів показує нулі') },
];
