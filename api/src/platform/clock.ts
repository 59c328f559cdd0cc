import { Injectable } from '@nestjs/common';

/** "Now" for SLA clocks and promises; tests replace `now` to stand inside or outside opening hours. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
