import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HOOK_ORDER, QaEvents } from '../qa/qa.events';
import { assertNoPersonalData } from './public-post-guard';

/** The PII guard hears of every public post before it is written, new or edited, and refuses what must not go out. */
@Injectable()
export class PrivacyListeners implements OnModuleInit {
  constructor(private readonly events: QaEvents) {}

  onModuleInit(): void {
    this.events.hook(
      'post.checking',
      'privacy',
      (_tx, e) => assertNoPersonalData(e.submitted, e.acknowledgePersonalData),
      HOOK_ORDER.personalData,
    );
  }
}
