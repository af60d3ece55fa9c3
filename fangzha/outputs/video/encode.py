"""MP4 files that cheap players take: H.264 Main, yuv420p (BT.709), 25 fps constant, moov first.

A screen is a still picture, so it is encoded once, UNIT_SECONDS long (one keyframe and frames
that only repeat it), and that piece is repeated for as long as the screen shows; a screen whose
seconds are not a whole number of pieces gets one shorter piece at its end. Pieces are raw H.264
streams with their own headers, so they join end to end; ffmpeg then puts the joined stream in
an MP4 with exact 25 fps timestamps (and, when asked, a silent AAC track).

ffmpeg comes from the imageio-ffmpeg wheel, which carries a build for Windows, macOS and Linux
(or the program IMAGEIO_FFMPEG_EXE names).
"""

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ...parallel import cores
from ...problems import ContentError, Problem

FPS = 25
UNIT_SECONDS = 3  # a keyframe at least every 3 s: a player started mid-loop shows a picture at once
UNIT_FRAMES = UNIT_SECONDS * FPS
# libx264 for still pictures of text: full quality on the keyframe; the repeating frames need no
# search, so the cheap motion settings cost nothing in quality and most of the time.
X264 = ["-c:v", "libx264", "-preset", "medium", "-tune", "stillimage", "-crf", "20",
        "-x264-params", "me=dia:subme=1:ref=1:rc-lookahead=0:mbtree=0:trellis=0:"
                        "colorprim=bt709:transfer=bt709:colormatrix=bt709:range=tv",
        "-profile:v", "main", "-bf", "0", "-g", str(UNIT_FRAMES)]
# RGB pictures to the video's colours: BT.709, limited range, 4:2:0 (x264 keeps 4:4:4 from RGB unless told).
TO_YUV = "scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd,format=yuv420p"


def ffmpeg():
    """The ffmpeg program; ImportError or RuntimeError when there is none."""
    import imageio_ffmpeg
    return imageio_ffmpeg.get_ffmpeg_exe()


def pieces(frames):
    """The lengths, in frames, of the pieces one screen is made of."""
    whole, rest = divmod(frames, UNIT_FRAMES)
    return [UNIT_FRAMES] * whole + ([rest] if rest else [])


def run(command):
    """Run ffmpeg; a failure becomes a problem in Chinese with ffmpeg's own last words."""
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or ["没有输出"])[-1]
        raise ContentError([Problem("requirements-video.txt", 0, "", (
            f"ffmpeg 制作视频时出错（{said}）。请运行 pip install -r requirements-video.txt 重新安装，"
            "再运行 python build.py video。"))])


def encode_piece(program, picture, frames, out):
    """One still picture as `frames` frames of raw H.264."""
    run([program, "-nostdin", "-v", "error", "-y", "-framerate", str(FPS), "-i", str(picture),
         "-vf", f"{TO_YUV},loop=loop={frames - 1}:size=1:start=0", "-frames:v", str(frames), *X264, "-f", "h264", str(out)])


def encode_pieces(program, wanted, folder, progress):
    """Encode every (picture path, frames) of `wanted` once; returns {(picture, frames): piece path}."""
    wanted = list(dict.fromkeys(wanted))
    paths = {key: Path(folder) / f"piece-{n}.h264" for n, key in enumerate(wanted)}
    total, done = sum(frames for _, frames in wanted) // FPS, 0
    progress.update("编码", 0, total, "秒")
    with ThreadPoolExecutor(max_workers=cores()) as pool:  # ffmpeg runs as its own process: threads suffice
        jobs = [pool.submit(encode_piece, program, picture, frames, paths[(picture, frames)]) for picture, frames in wanted]
        for job, (_, frames) in zip(jobs, wanted):
            job.result()
            done += frames
            progress.update("编码", done // FPS, total, "秒")
    return paths


def join(program, piece_paths, seconds, out, silent_audio):
    """The pieces end to end, in an MP4 with 25 fps timestamps and the moov box first."""
    stream = Path(out).with_suffix(".h264")
    with open(stream, "wb") as joined:
        for path in piece_paths:
            joined.write(Path(path).read_bytes())
    audio_in = ["-f", "lavfi", "-t", str(seconds), "-i", "anullsrc=r=48000:cl=stereo"] if silent_audio else []
    audio_out = ["-map", "1:a", "-c:a", "aac", "-b:a", "64k"] if silent_audio else []
    run([program, "-nostdin", "-v", "error", "-y", "-framerate", str(FPS), "-i", str(stream), *audio_in,
         "-map", "0:v", "-c:v", "copy", "-bsf:v", f"setts=ts=N/({FPS}*TB)", *audio_out,
         "-video_track_timescale", str(FPS * 512), "-movflags", "+faststart", str(out)])
    stream.unlink()
    return Path(out).read_bytes()
