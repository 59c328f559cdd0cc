import { redirect } from '@sveltejs/kit';
import { PUBLIC_URL } from '$app/env/private';
import {
  ChangeEmailDocument,
  ChangePasswordDocument,
  DataExportsDocument,
  DeleteAccountDocument,
  NotificationSettingsDocument,
  PendingEmailChangeDocument,
  RequestDataExportDocument,
  SignOutOtherSessionsDocument,
  UpdateNotificationSettingsDocument,
  UpdateProfileDocument,
} from '#lib/graphql/generated.ts';
import { SESSION_COOKIE } from '#lib/server/api.ts';
import { formFailure, readText, requireViewer } from '#lib/server/forms.ts';
import { sessionCookieOptions } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person's own settings: name, e-mail address, e-mail notifications and their language, password, sessions. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const viewer = requireViewer({ locals, url });
  const [{ notificationSettings }, { pendingEmailChange }, { dataExports }] = await Promise.all([
    locals.api.request(NotificationSettingsDocument),
    locals.api.request(PendingEmailChangeDocument),
    locals.api.request(DataExportsDocument),
  ]);
  return {
    displayName: viewer.displayName,
    email: viewer.email,
    emailVerified: viewer.emailVerified,
    pendingEmail: pendingEmailChange,
    dataExport: dataExports[0] ?? null,
    isStaff: viewer.isStaff,
    notifications: notificationSettings,
    saved: url.searchParams.get('saved'),
    ended: url.searchParams.get('ended'),
  };
};

export const actions: Actions = {
  profile: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const { displayName } = readText(await request.formData(), ['displayName']);
    try {
      await locals.api.request(UpdateProfileDocument, { input: { displayName } });
    } catch (cause) {
      return formFailure(cause, {
        locale: locals.locale,
        form: 'profile',
        values: { displayName },
        fields: ['displayName'],
        returnTo: url.pathname,
      });
    }
    redirect(303, `${url.pathname}?saved=profile#profile`);
  },

  notifications: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const data = await request.formData();
    const locale = data.get('locale') === 'DE' ? 'DE' : 'EN';
    try {
      await locals.api.request(UpdateNotificationSettingsDocument, { input: { email: data.get('email') === 'on', locale } });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'notifications', values: {}, fields: [], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}?saved=notifications#notifications`);
  },

  email: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const { newEmail, currentPassword } = readText(await request.formData(), ['newEmail', 'currentPassword']);
    try {
      await locals.api.request(ChangeEmailDocument, { input: { newEmail, currentPassword } });
    } catch (cause) {
      return formFailure(cause, {
        locale: locals.locale,
        form: 'email',
        values: { newEmail },
        fields: ['newEmail', 'currentPassword'],
        returnTo: url.pathname,
      });
    }
    redirect(303, `${url.pathname}?saved=email#email`);
  },

  password: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const { currentPassword, newPassword } = readText(await request.formData(), ['currentPassword', 'newPassword']);
    try {
      await locals.api.request(ChangePasswordDocument, { input: { currentPassword, newPassword } });
    } catch (cause) {
      // Passwords are never sent back into the page.
      return formFailure(cause, {
        locale: locals.locale,
        form: 'password',
        values: {},
        fields: ['currentPassword', 'newPassword'],
        returnTo: url.pathname,
      });
    }
    redirect(303, `${url.pathname}?saved=password#password`);
  },

  sessions: async ({ locals, url }) => {
    requireViewer({ locals, url });
    let ended: number;
    try {
      ({ signOutOtherSessions: ended } = await locals.api.request(SignOutOtherSessionsDocument));
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'sessions', values: {}, fields: [], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}?ended=${ended}#sessions`);
  },

  dataExport: async ({ locals, url }) => {
    requireViewer({ locals, url });
    try {
      await locals.api.request(RequestDataExportDocument);
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'dataExport', values: {}, fields: [], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}#data-export`);
  },

  deleteAccount: async ({ request, locals, url, cookies }) => {
    requireViewer({ locals, url });
    const { currentPassword } = readText(await request.formData(), ['currentPassword']);
    try {
      await locals.api.request(DeleteAccountDocument, { input: { currentPassword } });
    } catch (cause) {
      return formFailure(cause, {
        locale: locals.locale,
        form: 'deleteAccount',
        values: {},
        fields: ['currentPassword'],
        returnTo: url.pathname,
      });
    }
    cookies.delete(SESSION_COOKIE, sessionCookieOptions(PUBLIC_URL));
    redirect(303, '/?accountDeleted=1');
  },
};
