import { type Color, ScaleType } from '@swimlane/ngx-charts';

/** The product's palette for charts: the theme's azure first, then colours that stay apart for colour-blind eyes. */
export const CHART_COLORS: Color = {
  name: 'accord',
  selectable: false,
  group: ScaleType.Ordinal,
  domain: ['#005cbb', '#7b5800', '#006a6a', '#8e4585', '#4a6300'],
};

/** One colour for bars of one kind (the funnel's steps): the bars' heights, not their hues, carry the meaning. */
export const SINGLE_COLOR: Color = { ...CHART_COLORS, name: 'accord-single', domain: ['#005cbb'] };

/** A target drawn as a line beside a metric's: the palette's second colour, dashed where it is drawn. */
export const TARGET_COLOR = CHART_COLORS.domain[1];
