import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow, cityWide } from '../../platform/access/access-rule.ts';
import { actorOf, attachment } from '../../platform/http/route-helpers.ts';
import { writeAnnualReport } from './annual-report.service.ts';

export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const annualReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).describe('The survey year (the waves that close in it)'),
});

// 《客户服务需求年度报告》 is the city company's document: the marketing centre and administrators
// with a city-wide scope download it. Other staff read the same figures on the results pages within
// their own scope; a branch-scoped reader would get a partial report titled as the city's, so they
// are refused (403 CITY_WIDE_SCOPE_REQUIRED) rather than handed one.
export const annualReportRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/surveys/annual-report',
    {
      config: { access: cityWide(allow('marketing', 'admin')) },
      schema: {
        tags: ['surveys'],
        summary: 'Annual customer service needs report (.docx) / 客户服务需求年度报告',
        description:
          'A Word document for the waves (not drafts) that close in `year`: cover, method (waves, sample design, response rates), the needs summary table (服务需求识别汇总表), segment comparisons (highlighted differences by format, class, group and region), the SERVQUAL gap analysis, the satisfaction index and NPS with their trend (charts rendered on the server), the year’s ticket categories, and recommendations (the five largest gaps, the most chosen needs and the service-menu items answering them). Figures are those of the results / needs-summary / gaps endpoints. 422 SURVEY_REPORT_NO_WAVES when no wave closes that year. Marketing and admin with a city-wide scope.',
        querystring: annualReportQuery,
      },
    },
    async (request, reply) => {
      const file = await writeAnnualReport(context, actorOf(request), request.query.year);
      return attachment(reply, file.fileName, docxContentType).send(file.document);
    },
  );
};
