/**
 * The demo's canned replies (docs/canned-replies.md): a few per language, for every team and for
 * L1 and L2, so an agent of the demo finds some behind Ctrl+/ in the composer. Written by the
 * demo manager; every placeholder is a known one (the API's rule, checked by its test).
 */
import type { CannedReplyFields } from '../../shared/api/index.ts';
import type { Db } from '../db/index.ts';
import { insertCannedReply } from '../store/canned.ts';

/** The demo's replies. */
export const DEMO_CANNED_REPLIES: readonly CannedReplyFields[] = [
  { title: 'Greeting', language: 'en', tier: null, body: 'Hello {customer},\n\nthank you for your message. We are looking into ticket #{ticket} and will write as soon as we know more.\n\n{agent}' },
  { title: 'Support hours', language: 'en', tier: null, body: 'Dear {customer}, our support team works {supportHours}. Outside these hours only outages of the service are handled.' },
  { title: 'Logs, please', language: 'en', tier: 'l1', body: 'Dear {customer}, to find the cause quickly, please send us the call logs of the last hour (Settings → Logs → Export) and attach them to ticket #{ticket}.' },
  { title: 'Handed to analysts', language: 'en', tier: 'l2-analysts', body: 'Dear {customer}, our analysts have ticket #{ticket} now and are checking your campaign settings. We will come back to you within the support hours ({supportHours}).' },
  { title: 'Приветствие', language: 'ru', tier: null, body: 'Здравствуйте, {customer}!\n\nСпасибо за обращение. Мы разбираемся с заявкой №{ticket} и напишем, как только будет результат.\n\n{agent}' },
  { title: 'Часы работы', language: 'ru', tier: null, body: '{customer}, наша поддержка работает {supportHours}. В остальное время мы занимаемся только авариями сервиса.' },
  { title: 'Пришлите журналы', language: 'ru', tier: 'l1', body: '{customer}, чтобы быстрее найти причину, пришлите, пожалуйста, журналы звонков за последний час (Настройки → Журналы → Экспорт) в заявку №{ticket}.' },
  { title: 'Передано аналитикам', language: 'ru', tier: 'l2-analysts', body: '{customer}, заявка №{ticket} у наших аналитиков: они проверяют настройки кампании. Ответим в рабочее время поддержки ({supportHours}).' },
  { title: 'Вітання', language: 'uk', tier: null, body: 'Добрий день, {customer}!\n\nДякуємо за звернення. Ми працюємо із заявкою №{ticket} і напишемо, щойно матимемо результат.\n\n{agent}' },
  { title: 'Години роботи', language: 'uk', tier: null, body: '{customer}, наша підтримка працює {supportHours}. Поза цими годинами ми займаємося лише аваріями сервісу.' },
  { title: 'Надішліть журнали', language: 'uk', tier: 'l1', body: '{customer}, щоб швидше знайти причину, надішліть, будь ласка, журнали дзвінків за останню годину (Налаштування → Журнали → Експорт) до заявки №{ticket}.' },
  { title: 'Передано аналітикам', language: 'uk', tier: 'l2-analysts', body: '{customer}, заявка №{ticket} у наших аналітиків: вони перевіряють налаштування кампанії. Відповімо в робочий час підтримки ({supportHours}).' },
];

/** Stores the demo's canned replies, as written by `by` (the demo manager) at `now`. */
export async function seedCannedReplies(db: Db, now: number, by: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    for (const reply of DEMO_CANNED_REPLIES) await insertCannedReply(trx, reply, by, now);
  });
}
