/**
 * What staff and API callers are told when this server has no usable ffmpeg/ffprobe: the admin's
 * notice above the promo videos, and the upload refusal (422 FFMPEG_UNAVAILABLE). Installing it
 * needs no restart: the lookup is retried on the next upload (src/media/ffmpegBinaries.ts).
 */
export const FFMPEG_UNAVAILABLE = {
  zh: {
    title: '视频转码不可用：本服务器没有 ffmpeg',
    body: '宣传视频需要 ffmpeg 和 ffprobe 来检查和转码，现在无法上传视频。请管理员安装（Debian/Ubuntu：sudo apt-get install ffmpeg），或设置 FFMPEG_PATH 和 FFPROBE_PATH 指向已有的程序，之后即可上传，无需重启。',
  },
  en: {
    title: 'Video transcoding unavailable: this server has no ffmpeg',
    body: 'Promo videos need ffmpeg and ffprobe to be checked and transcoded, so videos cannot be uploaded now. Ask an administrator to install them (Debian/Ubuntu: sudo apt-get install ffmpeg) or to set FFMPEG_PATH and FFPROBE_PATH to existing binaries; uploads then work without a restart.',
  },
}
