import { z } from 'zod';
import { languageFromPreferences } from './i18n/preferences.ts';
import { LANGUAGES } from './model/index.ts';
import { lensFrom, queueLensSchema } from './tickets/queue-order.ts';

/** Which events may raise a desktop notification (issue 4), each switchable by the agent. */
export const NOTIFICATION_KINDS = ['ticketCreated', 'ticketRouted', 'customerReplied', 'slaWarning', 'slaBreached', 'escalation', 'page', 'outage'] as const;
/** One switchable kind of notification. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The console's settings; `serverUrl: null` means the embedded service. */
export const settingsSchema = z.strictObject({
  serverUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .nullable(),
  language: z.enum(LANGUAGES),
  notifications: z.strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean()])) as Record<NotificationKind, z.ZodBoolean>),
  sound: z.boolean(),
  startMinimized: z.boolean(),
  /** The queue's column widths in pixels, per agent (by id), as each resized them. */
  queueColumns: z.record(z.string().max(20), z.record(z.string().max(32), z.number().int().min(0).max(2000))),
  /** The queue's sort and filters, per agent (by id); absent: the SLA order, every ticket. */
  queueLens: z.record(z.string().max(20), queueLensSchema),
});
/** The console's settings. */
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings; notification switches may be changed one at a time. */
export const settingsPatchSchema = settingsSchema.omit({ notifications: true }).partial().extend({
  notifications: settingsSchema.shape.notifications.partial().optional(),
}).strict();
/** A change to some settings. */
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Settings on first start: embedded service, English, every notification on. */
export const DEFAULT_SETTINGS: Settings = {
  serverUrl: null,
  language: 'en',
  notifications: { ticketCreated: true, ticketRouted: true, customerReplied: true, slaWarning: true, slaBreached: true, escalation: true, page: true, outage: true },
  sound: true,
  startMinimized: false,
  queueColumns: {},
  queueLens: {},
};

/** The settings before anyone chose: the language is the first of the browser's (or the OS's) that support speaks. */
export function defaultSettings(preferredLanguages: readonly string[]): Settings {
  return { ...DEFAULT_SETTINGS, language: languageFromPreferences(preferredLanguages) };
}

/**
 * Stored settings written by an older version may lack newer fields (a new notification kind): defaults fill them in before validation.
 * A stored queue lens keeps what is still valid (a lens is a convenience: never worth losing the other settings over).
 */
export function withDefaults(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  return {
    ...DEFAULT_SETTINGS,
    ...raw,
    notifications: { ...DEFAULT_SETTINGS.notifications, ...(raw as { notifications?: object }).notifications },
    queueLens: lensesFrom((raw as { queueLens?: unknown }).queueLens),
  };
}

/** Stored lenses per agent: each kept as far as it is valid; entries under an impossible key dropped. */
function lensesFrom(raw: unknown): Settings['queueLens'] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter(([agent]) => /^\d{1,20}$/.test(agent)).map(([agent, lens]) => [agent, lensFrom(lens)]));
}

/** Applies a validated patch. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return { ...settings, ...patch, notifications: { ...settings.notifications, ...patch.notifications } };
}
