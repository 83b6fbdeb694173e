import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api-client.ts';
import { setActiveLocale } from '../../shared/i18n/locale.ts';
import { type UploadProgress, uploadCustomerImport } from './customer-import.api.ts';

// XMLHttpRequest is the boundary here (fetch cannot report upload progress): the one thing replaced.
class FakeRequest {
  static last: FakeRequest;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  withCredentials = false;
  body: FormData | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  responseHeaders: Record<string, string> = {};
  upload: { onprogress?: (event: ProgressEvent) => void; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;
  onabort?: () => void;

  constructor() {
    FakeRequest.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  // What the server does: take the bytes, then answer.
  respond(status: number, body: object, contentType = 'application/json') {
    this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 } as ProgressEvent);
    this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 } as ProgressEvent);
    this.upload.onload?.();
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders = { 'content-type': contentType };
    this.onload?.();
  }
}

const file = new File(['许可证号\n'], '客户档案.csv', { type: 'text/csv' });

beforeEach(() => {
  vi.stubGlobal('XMLHttpRequest', FakeRequest);
  setActiveLocale('zh-CN');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe(uploadCustomerImport.name, () => {
  it('posts the file as multipart field "file" with the mode, the session cookie and the UI language', async () => {
    const progress: UploadProgress[] = [];
    const result = uploadCustomerImport(file, 'upsert', (step) => progress.push(step));
    const request = FakeRequest.last;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/v1/customers/import?mode=upsert');
    expect(request.withCredentials).toBe(true);
    expect(request.headers['Accept-Language']).toBe('zh-CN');
    expect((request.body as FormData).get('file')).toMatchObject({ name: '客户档案.csv' });

    request.respond(200, { rows: 5, created: 3, updated: 1, unchanged: 1 });

    await expect(result).resolves.toEqual({ rows: 5, created: 3, updated: 1, unchanged: 1 });
    expect(progress).toEqual([
      { phase: 'uploading', percent: 0 },
      { phase: 'uploading', percent: 50 },
      { phase: 'uploading', percent: 100 },
      { phase: 'processing' },
    ]);
  });

  it('rejects with the problem+json of a 422, row errors and workbook link included', async () => {
    const result = uploadCustomerImport(file, 'create', () => {});
    const problem = {
      type: 'about:blank',
      title: '导入的数据有误',
      status: 422,
      detail: '有 1 处错误',
      code: 'IMPORT_ROWS_INVALID',
      errorCount: 1,
      errors: [{ row: 3, column: '专卖许可证号', value: '123', message: '许可证号须为 12 位数字' }],
      errorWorkbookUrl: '/api/v1/customers/import/errors/abc',
    };
    FakeRequest.last.respond(422, problem, 'application/problem+json');
    const error = await result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).problem).toMatchObject(problem);
  });

  it('rejects a 413 that is not JSON with its status, and a network failure as NETWORK_ERROR', async () => {
    const tooLarge = uploadCustomerImport(file, 'create', () => {});
    FakeRequest.last.respond(413, {}, 'text/html');
    await expect(tooLarge).rejects.toMatchObject({ status: 413, code: 'HTTP_413' });

    const offline = uploadCustomerImport(file, 'create', () => {});
    FakeRequest.last.onerror?.();
    await expect(offline).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});
