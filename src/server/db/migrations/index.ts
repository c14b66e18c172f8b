/** Every migration, in order. Add a file and a line here; names sort in the order they must run. */
import type { Migration } from 'kysely';
import * as organisation from './0001-organisation.js';
import * as identity from './0002-identity.js';
import * as cases from './0003-cases.js';
import * as webhooks from './0004-webhooks.js';
import * as townProfiles from './0005-town-profiles.js';
import * as dashboard from './0006-dashboard.js';
import * as assessment from './0007-assessment.js';
import * as assessmentFacts from './0008-assessment-facts.js';
import * as recurring from './0009-recurring-problems.js';
import * as commandModes from './0010-command-modes.js';
import * as inspectorPositions from './0011-inspector-positions.js';
import * as unitOverdue from './0012-unit-overdue.js';
import * as reportEvents from './0013-report-events.js';
import * as nearbyCovering from './0014-nearby-covering.js';
import * as attachmentUses from './0015-attachment-uses.js';

export const migrations: Record<string, Migration> = {
  '0001-organisation': organisation,
  '0002-identity': identity,
  '0003-cases': cases,
  '0004-webhooks': webhooks,
  '0005-town-profiles': townProfiles,
  '0006-dashboard': dashboard,
  '0007-assessment': assessment,
  '0008-assessment-facts': assessmentFacts,
  '0009-recurring-problems': recurring,
  '0010-command-modes': commandModes,
  '0011-inspector-positions': inspectorPositions,
  '0012-unit-overdue': unitOverdue,
  '0013-report-events': reportEvents,
  '0014-nearby-covering': nearbyCovering,
  '0015-attachment-uses': attachmentUses,
};
