/**
 * The largest monthly quota a member may be given: the most numeric(14,2) holds. A quota near a trillion a
 * month is a typo anyway, but one the column can hold, so it is refused in words rather than by a 500.
 */
export const MAX_MONTHLY_QUOTA = 999_999_999_999.99;
