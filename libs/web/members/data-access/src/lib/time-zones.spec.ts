import { timeZoneChoices } from './time-zones';

describe('timeZoneChoices', () => {
  it("adds UTC and the workspace's zone to the browser's list, sorted", () => {
    expect(timeZoneChoices('Etc/GMT+5', ['Europe/Paris', 'America/New_York'])).toEqual([
      'America/New_York',
      'Etc/GMT+5',
      'Europe/Paris',
      'UTC',
    ]);
  });

  it('lists each zone once', () => {
    expect(timeZoneChoices('Europe/Paris', ['Europe/Paris', 'UTC'])).toEqual(['Europe/Paris', 'UTC']);
  });

  it("offers the browser's zones when none is given", () => {
    const zones = timeZoneChoices(null);

    expect(zones).toContain('Europe/Berlin');
    expect(zones).toContain('UTC');
  });
});
