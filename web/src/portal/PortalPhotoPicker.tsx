import type { UploadFile } from 'antd';
import { Upload } from 'antd';

// The portal's photo picker (a credit appeal, a tier application): up to `max` photos taken or
// chosen on the phone, kept in the form until it is sent — the page uploads them, then names them.
export function PortalPhotoPicker({
  photos,
  onChange,
  max = 5,
}: {
  photos: UploadFile[];
  onChange: (photos: UploadFile[]) => void;
  max?: number;
}) {
  return (
    <Upload
      listType="picture-card"
      accept="image/jpeg,image/png,image/webp"
      fileList={photos}
      beforeUpload={() => false}
      onChange={({ fileList }) => onChange(fileList.slice(0, max))}
    >
      {photos.length < max ? '+' : null}
    </Upload>
  );
}
