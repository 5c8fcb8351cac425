import { PassThrough } from 'node:stream';
import { route } from '../../../http/route';
import { ReportQuery } from '../../../app/reports/requests';
import { EVERYONE } from '../../../access/roles';
import { buildPacket, reportDefinition, streamReport } from '../../../../reports/registry';
import { CONTENT_TYPES, FILE_EXTENSIONS, render } from '../../../../reports/engine';
import { DomainError } from '../../../../domain/errors';
import { reportFileName } from '../../../queries/reports/file-names';

export default route<object, ReportQuery>({
  id: 'reports.get',
  method: 'get',
  path: '/reports/:name',
  summary: 'A report as xlsx, pdf or json (the model with every cell\'s value and printed text); name "packet" gives all reports of a unit',
  roles: EVERYONE,
  query: ReportQuery,
  produces: [CONTENT_TYPES.json, CONTENT_TYPES.xlsx, CONTENT_TYPES.pdf],
  handler: async ({ ds, ctx, params, query }) => {
    const format = query.format ?? 'json';
    const { format: _f, ...reportParams } = query;
    let models;
    if (params.name === 'packet') {
      if (!query.year || !query.org) {
        throw new DomainError(
          'malformed',
          'missing_report_parameter',
          'packet needs year and org',
          '의회 자료 묶음에는 연도와 조직이 필요합니다',
          [{ field: query.year ? 'org' : 'year', rule: 'required', message: 'required', message_ko: '필수 값입니다' }],
        );
      }
      models = await buildPacket(ds.manager, reportParams, ctx);
    } else {
      // parameters, access and the unit are checked here, before the first byte; a large table's rows
      // are then read while they are written, and a failure after that cuts the connection
      models = await streamReport(ds.manager, params.name, reportParams, ctx);
    }
    const stream = new PassThrough();
    const report = params.name === 'packet' ? { name: 'packet', title: '의회제출자료' } : reportDefinition(params.name);
    const names = await reportFileName(ds.manager, report, reportParams, FILE_EXTENSIONS[format]);
    render(models, format, stream).catch((err: unknown) => stream.destroy(err as Error));
    return {
      file: {
        contentType: CONTENT_TYPES[format],
        filename: names.korean,
        asciiFilename: names.ascii,
        data: stream,
        inline: format === 'json',
      },
    };
  },
});
