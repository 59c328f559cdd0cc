import { error, redirect } from '@sveltejs/kit';
import { AddTeamMemberDocument, RemoveTeamMemberDocument, SaveTeamDocument, TeamsDocument, type Locale } from '#lib/graphql/generated.ts';
import { adminTeamsPath } from '#lib/paths.ts';
import { ApiError, isApiError } from '#lib/server/api.ts';
import { formFailure, readText, requireViewer } from '#lib/server/forms.ts';
import { DAYS, PRIORITIES_FIELDS, readTeamForm, renameFields, SLOTS, slaField, windowField } from './team-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireViewer({ locals, url });
  try {
    const { teams, me } = await locals.api.request(TeamsDocument, { locale: locals.locale.toUpperCase() as Locale });
    return { teams, canManage: me?.canManageTeams ?? false, saved: url.searchParams.get('saved') === '1' };
  } catch (cause) {
    if (isApiError(cause, 'FORBIDDEN')) error(403, 'Only staff see the teams.');
    throw cause;
  }
};

const TEAM_FIELDS = [
  'id',
  'name',
  'timeZone',
  'holidays',
  'spaceSlugs',
  'unansweredAfterMinutes',
  'dueWarningMinutes',
  ...DAYS.flatMap((day) => SLOTS.flatMap((slot) => [windowField('start', day, slot), windowField('end', day, slot)])),
  ...PRIORITIES_FIELDS.map(([priority, target]) => slaField(priority, target)),
];

/** The member named in the form: a user id, or a link to their profile. */
function userIdOf(ref: string): string {
  const match = /(?:\/users\/)?([\w-]+)\/?$/.exec(ref.trim());
  return match?.[1] ?? '';
}

export const actions: Actions = {
  save: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const values = readText(await request.formData(), TEAM_FIELDS);
    const { input, fieldOf } = readTeamForm(values);
    let id: string;
    try {
      ({
        saveTeam: { id },
      } = await locals.api.request(SaveTeamDocument, { input }));
    } catch (cause) {
      const renamed = isApiError(cause) ? new ApiError(cause.code, cause.message, renameFields(cause.fields, fieldOf)) : cause;
      return formFailure(renamed, {
        locale: locals.locale,
        form: `team:${values.id || 'new'}`,
        values,
        fields: TEAM_FIELDS,
        returnTo: url.pathname,
      });
    }
    redirect(303, `${adminTeamsPath()}?saved=1#team-${id}`);
  },

  addMember: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const values = readText(await request.formData(), ['teamId', 'member']);
    try {
      await locals.api.request(AddTeamMemberDocument, { teamId: values.teamId, userId: userIdOf(values.member) });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: `members:${values.teamId}`, values, fields: [], returnTo: url.pathname });
    }
    redirect(303, adminTeamsPath(`team-${values.teamId}`));
  },

  removeMember: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const values = readText(await request.formData(), ['teamId', 'userId']);
    try {
      await locals.api.request(RemoveTeamMemberDocument, { teamId: values.teamId, userId: values.userId });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: `members:${values.teamId}`, values, fields: [], returnTo: url.pathname });
    }
    redirect(303, adminTeamsPath(`team-${values.teamId}`));
  },
};
