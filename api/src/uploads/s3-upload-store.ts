import { AwsClient } from 'aws4fetch';
import type { DataSource } from 'typeorm';
import { UploadStore, type NewUpload, type UploadRecord } from './upload-store';

/**
 * Images in an S3-compatible bucket (AWS, MinIO, Ceph, R2, …), one object per upload named by its id,
 * requests signed with Signature V4 and addressed path-style. The row keeps everything but the bytes.
 */
export class S3UploadStore extends UploadStore {
  private readonly client: AwsClient;
  /** `https://host/bucket/prefix/` */
  private readonly base: string;

  constructor(dataSource: DataSource, url: string) {
    super(dataSource);
    const parsed = new URL(url);
    this.client = new AwsClient({
      accessKeyId: decodeURIComponent(parsed.username),
      secretAccessKey: decodeURIComponent(parsed.password),
      service: 's3',
      region: parsed.searchParams.get('region') ?? undefined,
    });
    this.base = `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/*$/, '/')}`;
  }

  protected async create(id: string, upload: NewUpload): Promise<UploadRecord> {
    const { bytes, ...row } = upload;
    await this.request('PUT', id, { body: bytes, headers: { 'content-type': upload.mime } });
    try {
      return await this.insert({ ...row, id, bytes: null });
    } catch (error) {
      // The same image won a race for its row: the object under the losing id must not stay behind.
      await this.request('DELETE', id).catch(() => undefined);
      throw error;
    }
  }

  protected async readObject(id: string): Promise<Buffer | null> {
    const res = await this.client.fetch(this.base + id, { method: 'GET' });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`object store: GET answered ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async forget(ids: string[]): Promise<void> {
    for (const id of ids) await this.request('DELETE', id);
  }

  private async request(
    method: 'PUT' | 'DELETE',
    id: string,
    init: { body?: Buffer; headers?: Record<string, string> } = {},
  ): Promise<void> {
    const res = await this.client.fetch(this.base + id, { method, headers: init.headers, body: init.body });
    await res.arrayBuffer();
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) throw new Error(`object store: ${method} answered ${res.status}`);
  }
}
