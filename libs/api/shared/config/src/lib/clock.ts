import { Injectable } from '@nestjs/common';

/** The time source services read; tests replace it to freeze time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
