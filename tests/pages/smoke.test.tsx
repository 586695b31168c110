import { render, screen } from '@testing-library/react'
import Index from '@/pages/index/index'

test('home renders', async () => {
  render(<Index />)
  expect(await screen.findByText('开始登记一个孩子')).toBeTruthy()
  expect(screen.getByText('我的登记')).toBeTruthy()
})
