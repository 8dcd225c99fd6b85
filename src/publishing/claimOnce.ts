import { type Payload, type PayloadRequest, ValidationError } from 'payload'

/**
 * Records `key` unless another instance (or an earlier run) already did. True for the one caller
 * that got it. Relies on the unique index of schedule-claims, so it holds across processes.
 */
export async function claimOnce(payload: Payload, key: string, holder: string, req?: PayloadRequest): Promise<boolean> {
  // The Local API's create sets req.file to the file it was given (none): a claim taken while an
  // upload request is under way (a save that replaces a brochure's PDF) would drop the upload.
  const file = req?.file
  try {
    await payload.create({ collection: 'schedule-claims', data: { key, holder }, req, overrideAccess: true, select: { key: true } })
    return true
  } catch (error) {
    // Payload reports a unique-index violation as a ValidationError on every engine.
    if (error instanceof ValidationError) return false
    throw error
  } finally {
    if (req) req.file = file
  }
}

/** Whether someone already recorded `key`. */
export async function isClaimed(payload: Payload, key: string): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'schedule-claims', where: { key: { equals: key } }, overrideAccess: true })
  return totalDocs > 0
}
