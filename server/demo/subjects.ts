/**
 * What the demo's customers write (issue 12): a pool of distinct subjects and bodies per language
 * and kind, each used once, so no subject repeats in the demo; and the answers agents give.
 */
import type { Language } from '../../shared/model/index.ts';
import type { TicketKind } from '../../shared/sla/index.ts';

export interface Phrase {
  readonly subject: string;
  readonly body: string;
}

const p = (subject: string, body: string): Phrase => ({ subject, body });

/** Alpha (autodialer) writes in Russian, Beta and Gamma (inbound) in Ukrainian and English. */
export const PHRASES: Readonly<Record<Language, Readonly<Record<TicketKind, readonly Phrase[]>>>> = {
  ru: {
    problem: [
      p('Кампания «Зима» не запускается', 'С утра кампания стоит в статусе «ожидание», операторы без звонков.'),
      p('Обрываются исходящие звонки', 'Звонки сбрасываются через 10–15 секунд после ответа абонента.'),
      p('Не грузится статистика кампании', 'Отчёт за вчера открывается пустым, хотя звонки были.'),
      p('Автодозвон набирает номера из чёрного списка', 'Клиенты из стоп-листа жалуются, что им снова звонят.'),
      p('Операторы не видят карточку клиента', 'При соединении открывается пустая карточка без имени и истории.'),
      p('Задержка соединения с оператором', 'Абонент ждёт 5–7 секунд тишины, прежде чем услышит оператора.'),
      p('Не работает импорт базы номеров', 'Файл CSV на 12 000 строк загружается, но номера не появляются.'),
      p('Кампания «Должники» звонит ночью', 'Вчера в 22:40 шли звонки, хотя окно кампании до 20:00.'),
      p('Пропадает звук у части операторов', 'Пять операторов из второго зала не слышат абонентов.'),
    ],
    bug: [
      p('Ошибка 500 при экспорте отчёта', 'При выгрузке в Excel появляется «Internal error».'),
      p('Сдвиг времени в учёте смен', 'Смены операторов сдвинуты на час после перехода на зимнее время.'),
      p('Неверный процент дозвона в отчёте', 'В отчёте 140 % успешных звонков, так не бывает.'),
      p('Кнопка «Пауза» не снимается', 'После паузы оператор остаётся в статусе «Пауза» до перезахода.'),
      p('Дубли в списке кампаний', 'Кампания «Весна» показана в списке три раза.'),
      p('Фильтр по дате сбрасывается', 'При переходе на вторую страницу отчёта фильтр по дате пропадает.'),
      p('Не сохраняется комментарий к звонку', 'Оператор пишет результат звонка, после сохранения поле пустое.'),
    ],
    question: [
      p('Как настроить повторный дозвон?', 'Нужно перезванивать недозвонившимся через 2 часа, но не больше 3 раз.'),
      p('Где изменить сценарий IVR?', 'Подскажите, где редактируется голосовое меню.'),
      p('Можно ли ограничить звонки по часовым поясам?', 'У нас абоненты от Калининграда до Владивостока.'),
      p('Как выгрузить записи разговоров за месяц?', 'Нужны все записи кампании «Опрос» за октябрь одним архивом.'),
      p('Как дать супервизору доступ только к своей группе?', 'Супервизор должен видеть только своих 10 операторов.'),
      p('Сколько линий можно подключить к одной кампании?', 'Планируем расширение до 60 операторов.'),
      p('Как считается время постобработки?', 'В отчёте постобработка больше, чем длительность смены.'),
    ],
    suggestion: [
      p('Предложение: фильтр по оператору', 'Было бы удобно фильтровать статистику по конкретному оператору.'),
      p('Предложение: уведомление о конце базы', 'Сообщать супервизору, когда в кампании остаётся меньше 5 % номеров.'),
      p('Предложение: шаблоны кампаний', 'Создавать новую кампанию из готового шаблона с настройками.'),
      p('Предложение: экспорт в Google Таблицы', 'Отчёты нужны в Google Таблицах без ручной выгрузки.'),
    ],
  },
  uk: {
    problem: [
      p('Не надходять вхідні дзвінки на лінію 0 800', 'З 9:00 жоден дзвінок з безкоштовної лінії не потрапляє в чергу.'),
      p('Черга «Продажі» зависла', 'Оператори бачать дзвінки в черзі, але не можуть їх прийняти.'),
      p('Відлуння під час розмови', 'Абоненти скаржаться на відлуння та затримку голосу.'),
      p('Оператори не отримують дзвінки після паузи', 'Після виходу з паузи оператор лишається без дзвінків.'),
      p('Автовідповідач вмикається в робочий час', 'О 10:30 клієнти чули повідомлення «ми не працюємо».'),
      p('Не відкривається робоче місце оператора', 'Сторінка вантажиться без кінця у трьох операторів.'),
      p('Переведення дзвінка на супервізора обривається', 'При переведенні абонент чує гудки і з’єднання падає.'),
      p('Не працює запис розмов на лінії «Сервіс»', 'Записи за сьогодні порожні, по 0 секунд.'),
      p('Дзвінки з мобільних не проходять', 'Абоненти Київстару чують «номер не обслуговується».'),
    ],
    bug: [
      p('Помилка при збереженні бізнес-процесу', 'Після натискання «Зберегти» зміни зникають.'),
      p('Дублюються записи в журналі дзвінків', 'Кожен дзвінок з’являється у звіті двічі.'),
      p('Невірна тривалість очікування у звіті', 'Звіт показує 0 секунд очікування при повній черзі.'),
      p('Кирилиця в SMS приходить знаками питання', 'Клієнти отримують «??????» замість тексту.'),
      p('Не працює пошук дзвінка за номером', 'Пошук за номером з +380 нічого не знаходить.'),
      p('Статус оператора не оновлюється', 'Оператор у розмові, а на панелі «Вільний».'),
      p('Графік навантаження показує майбутні години', 'На графіку є дзвінки о 23:00, хоча зараз ранок.'),
    ],
    question: [
      p('Як додати нового оператора?', 'Підкажіть, будь ласка, де створюється обліковий запис оператора.'),
      p('Як налаштувати робочі години черги?', 'Хочемо, щоб після 20:00 дзвінки йшли на автовідповідач.'),
      p('Чи можна пріоритезувати VIP-клієнтів?', 'Постійні клієнти мають потрапляти до оператора першими.'),
      p('Як змінити мелодію очікування?', 'Маємо власний аудіофайл, куди його завантажити?'),
      p('Як подивитися пропущені дзвінки за тиждень?', 'Потрібен список номерів, яким ніхто не відповів.'),
      p('Чи можна розподіляти дзвінки за навичками?', 'Англомовні клієнти мають іти до двох операторів.'),
      p('Як налаштувати зворотний дзвінок із черги?', 'Клієнт лишає номер замість очікування.'),
    ],
    suggestion: [
      p('Пропозиція: темна тема', 'Операторам нічної зміни було б легше з темною темою інтерфейсу.'),
      p('Пропозиція: оцінка розмови клієнтом', 'Після дзвінка пропонувати клієнту оцінити розмову від 1 до 5.'),
      p('Пропозиція: нотатки до номера', 'Бачити нотатки попередніх операторів під час дзвінка.'),
      p('Пропозиція: звіт у Telegram', 'Щоранку надсилати супервізору короткий звіт за вчора.'),
    ],
  },
  en: {
    problem: [
      p('Inbound calls not reaching agents', 'Since this morning callers hear ringing but no agent gets the call.'),
      p('Call recordings missing', 'Recordings for yesterday afternoon are not in the archive.'),
      p('Agent login page times out', 'Agents cannot sign in to the workplace; the page spins for a minute.'),
      p('Callers dropped after the IVR menu', 'Pressing 2 in the menu ends the call instead of queueing it.'),
      p('One-way audio on the support line', 'Agents hear the caller but the caller hears nothing.'),
      p('Wallboard stopped updating', 'The wallboard in the call room shows figures from 09:12.'),
      p('Calls ring agents who are on break', 'Agents on break keep getting calls offered.'),
      p('Overflow to the second site not working', 'When the queue is full callers get a busy tone instead of the second site.'),
      p('Transfers to the billing team fail', 'Warm transfers to billing drop after the announcement.'),
    ],
    bug: [
      p('Wrong caller ID shown', 'The caller ID field shows our own trunk number instead of the customer.'),
      p('Report totals do not add up', 'The daily total is lower than the sum of the hourly rows.'),
      p('Agent status stuck on "Wrap-up"', 'After a call the status stays in wrap-up until the agent signs out.'),
      p('CSV export cuts names with commas', 'A customer named "Smith, John" becomes two columns.'),
      p('Queue timer resets on refresh', 'Reloading the supervisor page resets every waiting time to zero.'),
      p('Dates in the call log shown in US format', 'We expect 25/11 and see 11/25 since the last update.'),
      p('Service level figure above 100 %', 'The dashboard shows a 104 % service level for the morning.'),
    ],
    question: [
      p('How do I set up a callback queue?', 'We want callers to leave a number and be called back.'),
      p('Can we export statistics via API?', 'Which endpoint returns per-agent call statistics?'),
      p('How long are recordings kept?', 'Our compliance team needs recordings for 24 months.'),
      p('Can supervisors listen in on live calls?', 'We would like to coach new agents during calls.'),
      p('How do holidays work for the queue schedule?', 'We close on 25 December; where do we set that?'),
      p('Can one agent serve two queues?', 'Our team lead should take both sales and support calls.'),
      p('How do we add a second phone number?', 'We bought a new local number for Manchester.'),
    ],
    suggestion: [
      p('Suggestion: SMS after missed call', 'Send an SMS automatically when a call is missed.'),
      p('Suggestion: keyboard shortcut to answer', 'Agents would like to answer a call with a key instead of a click.'),
      p('Suggestion: show the caller\'s last ticket', 'Showing the last ticket of a caller would save agents a search.'),
      p('Suggestion: weekly queue report by e-mail', 'A weekly summary of waiting times sent to team leads.'),
    ],
  },
};

/** Agents' and customers' standard lines, in the ticket's language. */
export const LINES: Readonly<Record<Language, { readonly question: string; readonly answer: string; readonly reply: string; readonly done: string; readonly thanks: string; readonly escalation: string; readonly compensation: string }>> = {
  ru: {
    question: 'Уточните, пожалуйста, ID кампании и время первого сбоя.',
    answer: 'Кампания 4512, сбой с 09:40.',
    reply: 'Проверяем, вернёмся с ответом.',
    done: 'Исправили настройку, проверьте, пожалуйста. Закрываем заявку.',
    thanks: 'Спасибо за идею, передали её аналитикам.',
    escalation: 'Организация парализована: операторы не могут принимать звонки.',
    compensation: 'Кредит на один день обслуживания.',
  },
  uk: {
    question: 'Уточніть, будь ласка, номер черги та час першого збою.',
    answer: 'Черга 7, збій з 09:15.',
    reply: 'Перевіряємо, повернемося з відповіддю.',
    done: 'Виправили налаштування, перевірте, будь ласка. Закриваємо заявку.',
    thanks: 'Дякуємо за ідею, передали її аналітикам.',
    escalation: 'Прямий ефір сьогодні ввечері, дзвінки не приймаються.',
    compensation: 'Кредит на один день обслуговування.',
  },
  en: {
    question: 'Could you tell us the queue ID and when it started?',
    answer: 'Queue 12, since 09:05.',
    reply: 'We are looking into it and will get back to you.',
    done: 'We fixed the setting; please check. Closing the ticket.',
    thanks: 'Thank you for the idea; we passed it to our analysts.',
    escalation: 'Our contact center is paralysed and customers cannot reach us.',
    compensation: 'Credit of one day of service.',
  },
};

/** Takes phrases from the pool in order, each at most once. */
export function phrasePool(): (language: Language, kind: TicketKind) => Phrase {
  const used = new Map<string, number>();
  return (language, kind) => {
    const key = `${language}:${kind}`;
    const i = used.get(key) ?? 0;
    const phrase = PHRASES[language][kind][i];
    if (phrase === undefined) throw new Error(`demo: no ${kind} phrase left in ${language}`);
    used.set(key, i + 1);
    return phrase;
  };
}
