import type { IndicatorDefinition } from "./figures.ts";
import { activityIndicators } from "./compute/activities.server.ts";
import { consultationIndicators } from "./compute/consultations.server.ts";
import { directoryIndicators } from "./compute/directory.server.ts";
import { meetingIndicators } from "./compute/meetings.server.ts";
import { partnershipIndicators } from "./compute/partnership.server.ts";
import { trainingIndicators } from "./compute/training.server.ts";
import { statisticsIndicators } from "./compute/statistics.server.ts";
import { surveyIndicators } from "./compute/surveys.server.ts";

/**
 * The indicator registry (registre des indicateurs): every indicator the platform computes from
 * its own live data, in the dashboard's order. Names and definitions are messages
 * (`indicator.<code>.name`, `.definition`).
 */
export const indicatorRegistry: readonly IndicatorDefinition[] = [
  ...directoryIndicators,
  ...activityIndicators,
  ...meetingIndicators,
  ...partnershipIndicators,
  ...trainingIndicators,
  ...consultationIndicators,
  ...statisticsIndicators,
  ...surveyIndicators,
];

const byCode = new Map(indicatorRegistry.map((d) => [d.code, d]));

export function indicatorByCode(code: string): IndicatorDefinition | undefined {
  return byCode.get(code);
}

export const indicatorCodes = (): string[] => indicatorRegistry.map((d) => d.code);
