import { Module } from '@nestjs/common';
import { QaEvents } from './qa.events';

/** The qa event bus alone, so neighbours can listen without importing the qa services (and qa imports none of them). */
@Module({ providers: [QaEvents], exports: [QaEvents] })
export class QaEventsModule {}
