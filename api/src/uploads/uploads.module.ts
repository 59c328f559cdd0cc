import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config';
import { S3UploadStore } from './s3-upload-store';
import { IdentityModule } from '../identity/identity.module';
import { PostgresUploadStore, UploadStore } from './upload-store';
import { UnusedUploadSweeper } from './unused-upload-sweeper';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/** Images in posts: upload (checked and re-encoded), storage, serving under /uploads, and deleting the unused ones. */
@Module({
  imports: [IdentityModule],
  controllers: [UploadsController],
  providers: [
    UploadsService,
    UnusedUploadSweeper,
    {
      provide: UploadStore,
      inject: [AppConfig, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource) =>
        config.uploadsS3Url ? new S3UploadStore(dataSource, config.uploadsS3Url) : new PostgresUploadStore(dataSource),
    },
  ],
})
export class UploadsModule {}
